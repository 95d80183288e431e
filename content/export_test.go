package content

// SetCompiled makes b the embedded compiled.bin, as TestCompiled -update
// does after rewriting the file.
func SetCompiled(b []byte) { compiledBin = b }
