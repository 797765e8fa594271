package plan

// FastParse is fastParse for the tests of package plan_test, which may
// import plantest (that imports plan).
var FastParse = fastParse

// SetFastYAML turns the loader's use of fastParse on or off.
func SetFastYAML(on bool) { useFastYAML = on }
