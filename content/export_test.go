package content

// SetCompiled makes b the embedded compiled.bin, as TestCompiled -update
// does after rewriting the file.
func SetCompiled(b []byte) { compiledBin = b }

// SetCompiledChinese makes b the embedded compiled.zh-Hans.bin, as
// TestCompiledChinese -update does after rewriting the file.
func SetCompiledChinese(b []byte) { compiledChineseBin = b }
