#!/usr/bin/env python3
# Times a qtrade command from its start to its first line on standard output and to its first "net PnL" line (the
# demo's first result), RUNS times, with QTRADE_CDS set to CDS (on|off). Used for docs/benchmarks.md, issue 22.
import subprocess, sys, time, os
# usage: ttfr.py LABEL CDS(on|off) RUNS CMD...
label, cds, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
cmd = sys.argv[4:]
env = dict(os.environ, QTRADE_CDS=cds)
for r in range(runs):
    load = open('/proc/loadavg').read().split()[0]
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    first = None; throughput = ''; firstline = None
    for line in p.stdout:
        if firstline is None:
            firstline = time.monotonic() - t0
        if first is None and 'net PnL' in line:
            first = time.monotonic() - t0
        if 'events/s' in line and not throughput:
            throughput = line.strip()
    p.wait()
    total = time.monotonic() - t0
    print(f"{label} run {r+1} load {load}: first line {firstline:.2f} s, first result {first:.2f} s, total {total:.2f} s, exit {p.returncode}; {throughput}", flush=True)
