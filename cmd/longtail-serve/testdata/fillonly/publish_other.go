//go:build !js

package main

// publish does nothing outside the browser (see publish_js.go).
func publish() {}
