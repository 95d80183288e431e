//go:build js

package scene

import (
	"errors"
	"fmt"
	"syscall/js"
)

// errNoStorage is what the browser's store returns when it cannot save.
var errNoStorage = errors.New("game: storage unavailable")

// localStore keeps the save in the browser's localStorage under
// "longtail.save". When storage is blocked (private mode, iframe policy)
// available is false and the game shows a warning.
type localStore struct {
	ls js.Value
}

const localKey = "longtail.save"

// NewSaveStore returns the browser's store; dir is ignored.
func NewSaveStore(string) SaveStore {
	s := &localStore{}
	func() {
		defer func() { recover() }() // accessing localStorage throws when blocked
		ls := js.Global().Get("localStorage")
		if ls.Truthy() {
			ls.Call("setItem", localKey+".probe", "1")
			ls.Call("removeItem", localKey+".probe")
			s.ls = ls
		}
	}()
	return s
}

func (s *localStore) Available() bool { return s.ls.Truthy() }
func (s *localStore) Where() string   { return "browser storage" }

func (s *localStore) Load() (data []byte, err error) {
	if !s.Available() {
		return nil, errNoStorage
	}
	defer func() {
		if r := recover(); r != nil {
			data, err = nil, fmt.Errorf("game: localStorage: %v", r)
		}
	}()
	v := s.ls.Call("getItem", localKey)
	if v.IsNull() || v.IsUndefined() {
		return nil, nil
	}
	return []byte(v.String()), nil
}

func (s *localStore) Store(data []byte) (err error) {
	if !s.Available() {
		return errNoStorage
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("game: localStorage: %v", r)
		}
	}()
	s.ls.Call("setItem", localKey, string(data))
	return nil
}

func (s *localStore) MoveAside() (name string, err error) {
	if !s.Available() {
		return "", errNoStorage
	}
	defer func() {
		if r := recover(); r != nil {
			name, err = "", fmt.Errorf("game: localStorage: %v", r)
		}
	}()
	old := s.ls.Call("getItem", localKey)
	for n := 1; n < 1000; n++ {
		k := fmt.Sprintf("%s.corrupt-%d", localKey, n)
		if v := s.ls.Call("getItem", k); v.IsNull() {
			s.ls.Call("setItem", k, old)
			s.ls.Call("removeItem", localKey)
			return k, nil
		}
	}
	return "", fmt.Errorf("game: too many corrupt saves")
}

// systemReducedMotion reports the browser's prefers-reduced-motion media
// query.
func systemReducedMotion() (on bool) {
	defer func() { recover() }()
	mm := js.Global().Get("matchMedia")
	if mm.Type() != js.TypeFunction {
		return false
	}
	return js.Global().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Truthy()
}
