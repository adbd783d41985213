// Package profiling serves Go's runtime profiles (heap, CPU, goroutines)
// while the app runs, when ORDERDESK_PPROF names an address to serve them
// on: to find where a desk's memory or idle CPU goes (README,
// Performance). It is off unless asked for, and then listens on the
// loopback interface only.
package profiling

import (
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
)

// EnvVar names the address (a port, ":6060" or "localhost:6060").
const EnvVar = "ORDERDESK_PPROF"

// FromEnv starts serving the profiles when EnvVar is set and returns the
// address they are served on ("" when it is not set).
func FromEnv() (string, error) {
	addr := os.Getenv(EnvVar)
	if addr == "" {
		return "", nil
	}
	return Start(addr)
}

// Start serves the profiles at addr on the loopback interface (a host in
// addr other than localhost is refused: the profiles show the desk's data
// in memory) until the process ends, and returns where.
func Start(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		host, port = "", addr
	}
	switch host {
	case "", "localhost", "127.0.0.1", "::1":
	default:
		return "", fmt.Errorf("%s=%s: profiles are served on this computer only (localhost)", EnvVar, addr)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", port))
	if err != nil {
		return "", fmt.Errorf("%s=%s: %w", EnvVar, addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	go http.Serve(ln, mux)
	return "http://" + ln.Addr().String() + "/debug/pprof/", nil
}
