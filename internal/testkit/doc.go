// Package testkit holds the test fixtures the packages' tests share: the
// office's time zone and fixed start time, a clock a test moves by hand, the
// p95 helper of the benchmarks, the generated benchmark databases
// (where they live, what they are named, how a missing one is built once),
// and fax TIFFs with CCITT Group 4 pages, which no Go library writes.
//
// It imports nothing of orderdesk, on purpose. The model's tests are
// internal tests (package model: they reach the store's unexported
// handles), and a package they import cannot import model, or the test
// build would be an import cycle. So what needs model types stays beside
// each package's tests: opening a store (model.Open with testkit's clock
// and time zone) and the builders of people, customers and orders, which
// differ between the model's fixtures and the UI's anyway. What is the same
// everywhere lives here once, the data version of the generated orders
// above all: the model's benchmarks write the file the UI's look for.
package testkit
