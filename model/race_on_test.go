//go:build race

package model

// raceEnabled: the tests run under the race detector, which slows the code
// five to ten times; tests that measure time bounds skip then.
const raceEnabled = true
