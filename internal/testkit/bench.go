package testkit

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

// BenchOrders is how many generated orders the model's and the UI's
// benchmarks run on: the 250,000 the issues' targets are stated at, or
// ORDERDESK_BENCH_ORDERS to see how a figure scales on a machine that
// cannot afford the full office. Both packages read it, so the UI's
// benchmarks find the file the model's built.
func BenchOrders(tb testing.TB) int {
	v := os.Getenv("ORDERDESK_BENCH_ORDERS")
	if v == "" {
		return 250_000
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		tb.Fatalf("ORDERDESK_BENCH_ORDERS=%q: want a number of orders", v)
	}
	return n
}

// BenchCount is how many rows of a kind a benchmark generates: def, the
// size an issue's target is stated at, or the number in the environment
// variable env (ORDERDESK_BENCH_NOTES, ORDERDESK_BENCH_TICKETS) to measure
// how a figure scales on a smaller office that generates in seconds.
func BenchCount(tb testing.TB, env string, def int) int {
	v := os.Getenv(env)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		tb.Fatalf("%s=%q: want a number", env, v)
	}
	return n
}

// OrdersDataVersion names the generated orders file: raise it when the
// generator changes. The model's benchmarks build the file, the UI's open a
// copy of it; both read this one constant.
const OrdersDataVersion = 7

// BenchDir is the folder the generated benchmark databases are kept in,
// between runs.
func BenchDir() string { return filepath.Join(os.TempDir(), "orderdesk-bench") }

// OrdersFile is the name in dir of the generated database of n orders at
// schema step schema.
func OrdersFile(dir string, n, schema int) string {
	return filepath.Join(dir, fmt.Sprintf("orders-%d-schema%d-data%d.db", n, schema, OrdersDataVersion))
}

// LatestOrdersFile returns the generated database of n orders of the
// current data version in dir at the highest schema step ("" when there is
// none): a reader that migrates on open can use any.
func LatestOrdersFile(dir string, n int) string {
	found, _ := filepath.Glob(filepath.Join(dir, fmt.Sprintf("orders-%d-schema*-data%d.db", n, OrdersDataVersion)))
	schemaOf := func(path string) int {
		var step int
		fmt.Sscanf(filepath.Base(path), fmt.Sprintf("orders-%d-schema%%d-", n), &step)
		return step
	}
	slices.SortFunc(found, func(a, b string) int { return schemaOf(a) - schemaOf(b) })
	if len(found) == 0 {
		return ""
	}
	return found[len(found)-1]
}

// BuildOnce returns path, building it first with build when it does not
// exist: build writes the file it is given (path with .building added),
// which is renamed to path once build returns, so a run stopped halfway
// leaves no half-built file behind. Generating takes minutes; later runs
// reuse the file.
func BuildOnce(b testing.TB, path string, build func(tmp string) error) string {
	b.Helper()
	if _, err := os.Stat(path); err == nil {
		return path
	}
	start := time.Now()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		b.Fatal(err)
	}
	tmp := path + ".building"
	os.Remove(tmp)
	if err := build(tmp); err != nil {
		b.Fatalf("build %s: %v", filepath.Base(path), err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %s in %s", filepath.Base(path), time.Since(start).Round(time.Second))
	return path
}

// CopyFile copies src to dst.
func CopyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// P95 runs op b.N times and reports its 95th-percentile duration in ms.
func P95(b *testing.B, op func() error) {
	b.Helper()
	times := Timed(b, op)
	b.ReportMetric(Ms(Percentile(times, 95)), "p95-ms")
}

// MedianP95 runs op b.N times and reports its median and 95th-percentile
// durations in ms; it returns the median, for a ratio to another run's.
func MedianP95(b *testing.B, op func() error) time.Duration {
	b.Helper()
	times := Timed(b, op)
	b.ReportMetric(Ms(Percentile(times, 50)), "median-ms")
	b.ReportMetric(Ms(Percentile(times, 95)), "p95-ms")
	return Percentile(times, 50)
}

// Timed runs op b.N times, timing each run alone, and returns the times
// sorted; the benchmark's clock covers only the runs.
func Timed(b *testing.B, op func() error) []time.Duration {
	b.Helper()
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if err := op(); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	return times
}

// Percentile returns the pct-th percentile of sorted times (0 when there are none).
func Percentile(sorted []time.Duration, pct int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)*pct/100, len(sorted)-1)]
}

// Ms is d in milliseconds, to the microsecond.
func Ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
