#!/usr/bin/env python3
"""Load for bench/api-load.sh: 50 clients poll GET /api/status once a second and one uploads a
file, for SECONDS; prints the latency percentiles of the polls and the upload's time.
Usage: api_load.py PORT TOKEN FILE SECONDS"""
import http.client
import sys
import threading
import time

port, token, upload, seconds = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
deadline = time.monotonic() + seconds
lat, errors, lock = [], [0], threading.Lock()


def poller():
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    while time.monotonic() < deadline:
        t0 = time.monotonic()
        try:
            conn.request("GET", "/api/status", headers={"Authorization": "Bearer " + token})
            r = conn.getresponse()
            r.read()
            ok = r.status == 200
        except Exception:
            ok = False
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        dt = time.monotonic() - t0
        with lock:
            if ok:
                lat.append(dt)
            else:
                errors[0] += 1
        time.sleep(max(0.0, 1.0 - dt))


def uploader(out):
    with open(upload, "rb") as f:
        body = f.read()
    time.sleep(12)  # lands while the first starts are due
    t0 = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    conn.request("POST", "/api/media?topic=a&form=tin", body=body,
                 headers={"Authorization": "Bearer " + token, "X-File-Name": "hour.mp3",
                          "Content-Type": "audio/mpeg"})
    r = conn.getresponse()
    r.read()
    out.append((r.status, time.monotonic() - t0))


threads = [threading.Thread(target=poller) for _ in range(50)]
up = []
threads.append(threading.Thread(target=uploader, args=(up,)))
for t in threads:
    t.start()
for t in threads:
    t.join()
lat.sort()


def pct(p):
    return lat[min(len(lat) - 1, int(len(lat) * p))] * 1000 if lat else float("nan")


print(f"GET /api/status: {len(lat)} calls, {errors[0]} failed; p50 {pct(0.5):.1f} ms, p99 {pct(0.99):.1f} ms, "
      f"max {lat[-1] * 1000 if lat else float('nan'):.1f} ms")
if up:
    print(f"upload of {upload.rsplit('/', 1)[-1]}: HTTP {up[0][0]} in {up[0][1]:.1f} s (import included)")
