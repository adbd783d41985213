# OrderDesk — build, run and test. `make run` and `make test` work on a fresh
# Debian/Ubuntu machine: they install the system packages they need first.

VERSION := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml 2>/dev/null || echo dev)
LDFLAGS := -X orderdesk/model.AppVersion=$(VERSION)
# The app is built without Fyne's animations: a focused text box's blinking
# cursor repainted the whole window a dozen times a second, a third of a
# core on software OpenGL while "Who are you?" waited (issue 23). And
# without Fyne's colour emoji font: Fyne parses it into memory once per text
# style (3 × 4.8 MB of the window's heap); an emoji a clerk types shows in
# the system's emoji font instead, as it prints nowhere anyway.
APPTAGS := no_animations,no_emoji
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
GO      ?= go
APPNAME := $(shell sed -n 's/^ *Name *= *"\(.*\)"/\1/p' FyneApp.toml)
BUILDNO := $(shell sed -n 's/^ *Build *= *\([0-9]*\)/\1/p' FyneApp.toml)

# Debian packages: what Fyne needs to build the window (cgo, OpenGL, X11,
# Wayland), and the tools the document tests read PDFs with.
BUILD_PKGS := gcc libgl1-mesa-dev xorg-dev libxkbcommon-dev libwayland-dev
TEST_PKGS  := poppler-utils zbar-tools

.PHONY: ui-fonts windows macos deps-windows run build test test-race test-race-all bench bench-order bench-gen fuzz vet staticcheck fmt-check deps-build deps-test test-postgres clean

run: build ## build and start the app (on an empty database it asks: set up my office, or explore the demo office)
	./orderdesk

build: deps-build
	$(GO) build -tags $(APPTAGS) -ldflags "$(LDFLAGS)" -o orderdesk .

test: deps-test ## all tests, no display and no cgo (Fyne's test driver)
	CGO_ENABLED=0 $(GO) test -tags ci -timeout 20m ./...

# The model's tests that run goroutines together in one process, and the
# UI tests where a goroutine other than the test's runs (the start, the
# mail-folder watcher, the hourly reminder, the idle lock), under Go's race
# detector (cgo; CI runs it). Every other ui test runs each load and timer
# on the test's own goroutine (ui/run_test.go), so -race has nothing more to
# find there, at nine times the cost (the whole ui suite is 18 CPU-minutes
# under it: CI ran 34 minutes with it). `make test-race-all` runs both whole
# suites under it.
RACE_MODEL := Concurren|OnChange|SlipPass
RACE_UI := Goroutine|WatchesTheMailFolder|ReminderAtStart|IdleLockCoversTheDesk|FirstStartSetsUpTheOffice
RACE := CGO_ENABLED=1 $(GO) test -race -tags ci -timeout 40m
test-race: deps-test deps-build
	$(RACE) -run XXX ./model/ ./ui/ >/dev/null # build once, then the two runs share it
	@s=0; \
	$(RACE) -run '$(RACE_MODEL)' ./model/ & m=$$!; \
	$(RACE) -run '$(RACE_UI)' ./ui/ & u=$$!; \
	wait $$m || s=1; wait $$u || s=1; exit $$s

test-race-all: deps-test deps-build
	$(RACE) ./model/ ./ui/

test-postgres: deps-test ## the model suite again on a throwaway PostgreSQL (initdb in a temp dir)
	./.ci/with-postgres env CGO_ENABLED=0 $(GO) test -tags ci -count=1 -timeout 20m ./model/

# Every fuzz target, package:Name; `make fuzz` runs each for FUZZTIME.
FUZZ_TARGETS := model:FuzzParseMoney model:FuzzParseQty model:FuzzParseNumber \
	model:FuzzParseMail model:FuzzNeutraliseCell model:FuzzInspectDatabaseFile csvio:FuzzImportCustomers csvio:FuzzDecodeCSV reports:FuzzWrap
FUZZTIME ?= 60s

fuzz: ## each fuzz target for FUZZTIME (60 s); none may panic
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t#*:}; echo "== $$pkg $$name"; \
		CGO_ENABLED=0 $(GO) test -tags ci -run XXX -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) ./$$pkg/ || exit 1; \
	done

# The window's fonts (assets/fonts/ui/): Noto Sans TC cut to Big5 and the
# non-ideographs by fonttools' pyftsubset, so the subset is reproducible.
ui-fonts:
	command -v pyftsubset >/dev/null || $(SUDO) apt-get install -y fonttools
	./assets/fonts/subset-ui.sh

vet:
	CGO_ENABLED=0 $(GO) vet -tags ci ./...

# staticcheck at the version go.mod's tool directive pins (honnef.co/go/tools):
# what vet does not look for, unused code and needless constructs above all.
staticcheck:
	CGO_ENABLED=0 $(GO) tool staticcheck -tags ci ./...

fmt-check:
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }

# Every benchmark it lists runs (none skips): the model's build the generated
# orders file the UI's then copy (go test runs benchmarks one package at a
# time, in order), and the UI's generate their own when run alone.
# ORDERDESK_BENCH_ORDERS=20000 runs the order benchmarks on fewer orders.
bench: deps-test ## the performance targets, on generated data (first run builds it)
	CGO_ENABLED=0 $(GO) test -tags ci -run XXX -bench . -benchtime 200x -timeout 60m ./...

# Issue 21's measure on a small fresh office (no generated data): one order's
# intake and steps to a faxed confirmation against the raw-SQLite floor of
# the same rows (x-raw is the ratio), and single gate steps.
bench-order: deps-test
	CGO_ENABLED=0 $(GO) test -tags ci -run XXX -bench 'BenchmarkOrderWork|BenchmarkApplyStep' -benchtime 200x ./model/

# The generator's target: 250,000 orders into a fresh demo office, as
# `orderdesk gen` does it, in under 2 minutes (built without cgo: no window).
GEN_DB ?= /tmp/orderdesk-gen.db
bench-gen:
	CGO_ENABLED=0 $(GO) build -tags ci -o /tmp/orderdesk-gen .
	rm -f $(GEN_DB) $(GEN_DB)-wal $(GEN_DB)-shm
	/tmp/orderdesk-gen demo -db $(GEN_DB) >/dev/null
	/tmp/orderdesk-gen gen -db $(GEN_DB) -orders 250000
	/tmp/orderdesk-gen check -db $(GEN_DB)

# Windows: cross-built with cgo (Fyne's OpenGL driver) by MinGW-w64. The
# icon, version information and manifest come from FyneApp.toml through
# go-winres, pinned: it writes one .syso that both builds link, so the GUI
# OrderDesk.exe and the console orderdesk.exe (a GUI exe prints nothing in
# a console) carry the same resources; `fyne package` builds only the GUI
# exe itself. The console exe goes in cli/ in the zip: Windows names
# ignore case, so OrderDesk.exe and orderdesk.exe cannot share a folder.
# The zip is written and checked by tools/distcheck (Go, no zip).
GO_WINRES := github.com/tc-hib/go-winres@v0.3.3
WIN_DIR   := dist/$(APPNAME)-$(VERSION)-windows-amd64
WIN_ENV   := GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc
WIN_LD    := $(LDFLAGS) -s -w
WIN_FILES := OrderDesk.exe=$(WIN_DIR)/OrderDesk.exe cli/orderdesk.exe=$(WIN_DIR)/orderdesk.exe \
	README.md=README.md OFL.txt=assets/fonts/OFL.txt

windows: deps-windows ## dist/OrderDesk-VERSION-windows-amd64.zip, checked
	rm -rf $(WIN_DIR) $(WIN_DIR).zip && mkdir -p $(WIN_DIR)
	$(GO) run $(GO_WINRES) simply --arch amd64 --out rsrc --manifest gui --icon assets/icon.png \
		--product-name "$(APPNAME)" --file-description "$(APPNAME) order desk" \
		--product-version "$(VERSION).$(BUILDNO)" --file-version "$(VERSION).$(BUILDNO)" \
		--original-filename OrderDesk.exe --copyright "OrderDesk"
	$(WIN_ENV) $(GO) build -trimpath -tags $(APPTAGS) -ldflags "$(WIN_LD) -H=windowsgui" -o $(WIN_DIR)/OrderDesk.exe .
	$(WIN_ENV) $(GO) build -trimpath -tags $(APPTAGS) -ldflags "$(WIN_LD)" -o $(WIN_DIR)/orderdesk.exe .
	rm -f rsrc_windows_amd64.syso
	$(GO) run ./tools/distcheck zip $(WIN_DIR).zip $(WIN_FILES)
	$(GO) run ./tools/distcheck check $(WIN_DIR).zip README.md
	@ls -l $(WIN_DIR)/*.exe $(WIN_DIR).zip

# macOS cannot be linked here (Fyne's driver needs Apple's cgo toolchain):
# every package without Fyne compiles and vets for darwin; OrderDesk.app is
# built on a Mac as the README says.
DARWIN_PKGS := ./assets/ ./model/ ./history/ ./reports/ ./csvio/ ./secret/ ./service/ ./cli/ ./demo/ ./tools/...

macos:
	for arch in amd64 arm64; do \
		GOOS=darwin GOARCH=$$arch CGO_ENABLED=0 $(GO) build $(DARWIN_PKGS) || exit 1; \
		GOOS=darwin GOARCH=$$arch CGO_ENABLED=0 $(GO) vet $(DARWIN_PKGS) || exit 1; \
	done

deps-windows:
	@./.ci/apt-install gcc-mingw-w64-x86-64

deps-build:
	@./.ci/apt-install $(BUILD_PKGS)

deps-test:
	@./.ci/apt-install $(TEST_PKGS)

clean:
	rm -rf orderdesk orderdesk.exe dist rsrc_windows_amd64.syso
