# tools/bench/report.awk — the table and the target checks of `make bench`.
# Input (from run.sh): lines "N tool run wall_s peak_kb cpu_s", N = real or a size.
# -v sizes="real 200 2000 20000": the rows, in order.
function median(arr, n,    i, j, t, b) {
	for (i = 1; i <= n; i++) b[i] = arr[i]
	for (i = 2; i <= n; i++) { t = b[i]; for (j = i - 1; j >= 1 && b[j] > t; j--) b[j + 1] = b[j]; b[j + 1] = t }
	return n % 2 ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2
}
{
	k = $1 SUBSEP $2; c = ++cnt[k]
	w[k, c] = $4; m[k, c] = $5 / 1024; u[k, c] = $6
}
END {
	ntools = split("statusgen hugo cmark copy floor", tools, " ")
	nsz = split(sizes, sz, " ")
	printf "\n%-7s %-10s %4s %10s %10s %10s %8s %9s %9s\n", "N", "tool", "runs", "median s", "min s", "max s", "cpu s", "peak MB", "vs ours"
	for (i = 1; i <= nsz; i++) {
		n = sz[i]
		for (t = 1; t <= ntools; t++) {
			k = n SUBSEP tools[t]; c = cnt[k]
			if (!c) continue
			delete a; delete b; delete d
			mn = 1e9; mx = 0
			for (r = 1; r <= c; r++) { a[r] = w[k, r]; b[r] = m[k, r]; d[r] = u[k, r]; if (a[r] < mn) mn = a[r]; if (a[r] > mx) mx = a[r] }
			med[n, tools[t]] = median(a, c); mem[n, tools[t]] = median(b, c)
			cpu = median(d, c)
			ratio = (n SUBSEP "statusgen") in med && med[n, "statusgen"] > 0 ? sprintf("%8.2fx", med[n, tools[t]] / med[n, "statusgen"]) : ""
			printf "%-7s %-10s %4d %10.3f %10.3f %10.3f %8.2f %9.1f %9s\n", n, tools[t], c, med[n, tools[t]], mn, mx, cpu, mem[n, tools[t]], ratio
		}
	}
	print "\n(vs ours: the tool's median wall time / statusgen's; floor = cmark + copy of each run)\n"
	print "targets:"
	fails = 0
	for (i = 1; i <= nsz; i++) {
		n = sz[i]
		if (n == "real" || !((n SUBSEP "hugo") in med)) continue
		r = med[n, "hugo"] / med[n, "statusgen"]
		ok = r >= 5; fails += !ok
		printf "  %s  N=%-6s wall >= 5x below Hugo's: Hugo %.3f s / statusgen %.3f s = %.1fx\n", ok ? "PASS" : "FAIL", n, med[n, "hugo"], med[n, "statusgen"], r
		if (n == 20000)
			printf "  %s  N=%-6s aim: 10x below Hugo's: %.1fx\n", (r >= 10 ? "PASS" : "FAIL"), n, r
	}
	for (i = 1; i <= nsz; i++) {
		n = sz[i]
		if ((n != 2000 && n != 20000) || !((n SUBSEP "floor") in med)) continue
		r = med[n, "statusgen"] / med[n, "floor"]
		ok = r <= 2; fails += !ok
		printf "  %s  N=%-6s at most 2x the floor: statusgen %.3f s / floor %.3f s (cmark %.3f + copy %.3f) = %.2fx\n", ok ? "PASS" : "FAIL", n, med[n, "statusgen"], med[n, "floor"], med[n, "cmark"], med[n, "copy"], r
	}
	if (((2000 SUBSEP "statusgen") in med) && ((20000 SUBSEP "statusgen") in med)) {
		r = med[20000, "statusgen"] / med[2000, "statusgen"]
		ok = r <= 11; fails += !ok
		printf "  %s  20000 files take at most 11x the time of 2000: %.3f s / %.3f s = %.1fx\n", ok ? "PASS" : "FAIL", med[20000, "statusgen"], med[2000, "statusgen"], r
	}
	for (i = 1; i <= nsz; i++) {
		n = sz[i]
		if (n == "real" || !((n SUBSEP "hugo") in mem)) continue
		r = mem[n, "statusgen"] / mem[n, "hugo"]
		ok = r <= 1 / 3; fails += !ok
		printf "  %s  N=%-6s peak memory <= 1/3 of Hugo's: statusgen %.1f MB / Hugo %.1f MB = %.2f\n", ok ? "PASS" : "FAIL", n, mem[n, "statusgen"], mem[n, "hugo"], r
	}
	if (("real" SUBSEP "statusgen") in med) {
		ok = med["real", "statusgen"] < 0.050; fails += !ok
		printf "  %s  the real content builds in under 50 ms: %.1f ms\n", ok ? "PASS" : "FAIL", med["real", "statusgen"] * 1000
	}
	printf "\n%d target%s missed\n", fails, fails == 1 ? "" : "s"
	exit strict && fails ? 1 : 0
}
