package plan

// FastParse is fastParse for the tests of package plan_test, which may
// import plantest (that imports plan).
var FastParse = fastParse
