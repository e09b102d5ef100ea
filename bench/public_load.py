#!/usr/bin/env python3
"""Load for bench/public-serve.sh: CLIENTS concurrent listeners fetch PATH from 127.0.0.1:PORT
for SECONDS, each on one keep-alive connection, in consecutive HTTP Range requests of a
random 64 KiB .. 1 MiB, from a random starting point and wrapping at the end (as a player
seeking and buffering does). Prints one line: bytes, requests, errors, seconds.
Usage: public_load.py PORT PATH SIZE CLIENTS SECONDS"""
import asyncio
import random
import sys
import time

port, path, size, clients, seconds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
totals = {"bytes": 0, "requests": 0, "errors": 0}


async def listener(seed, deadline):
    rnd = random.Random(seed)
    pos = rnd.randrange(size)
    reader = writer = None
    while time.monotonic() < deadline:
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            last = min(size - 1, pos + rnd.randrange(64 * 1024, 1024 * 1024) - 1)
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes={pos}-{last}\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            if " 206 " not in lines[0] + " ":
                raise RuntimeError(lines[0])
            length = next(int(l.split(":", 1)[1]) for l in lines if l.lower().startswith("content-length:"))
            remaining = length
            while remaining:
                chunk = await reader.read(min(remaining, 1 << 20))
                if not chunk:
                    raise RuntimeError("closed mid-body")
                remaining -= len(chunk)
            totals["bytes"] += length
            totals["requests"] += 1
            pos = last + 1 if last + 1 < size else 0
            if any(l.lower() == "connection: close" for l in lines):
                writer.close()
                writer = None
        except Exception:
            totals["errors"] += 1
            if writer is not None:
                writer.close()
            writer = None
            await asyncio.sleep(0.05)
    if writer is not None:
        writer.close()


async def main():
    start = time.monotonic()
    deadline = start + seconds
    await asyncio.gather(*(listener(i, deadline) for i in range(clients)))
    print(totals["bytes"], totals["requests"], totals["errors"], round(time.monotonic() - start, 2))


asyncio.run(main())
