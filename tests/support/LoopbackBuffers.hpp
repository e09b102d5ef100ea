#pragma once

namespace lp::test {

// Shrinks the kernel buffers of every TCP connection from this process to 127.0.0.1:`port`:
// this end's send buffer and the server's receive buffer (the server's socket is borrowed
// with pidfd_getfd, so the server process must be ours to trace: a child, same user or root).
// Returns how many connections it changed.
//
// Why: on loopback the kernel sizes buffers for 64 KiB segments and lets a receiver that
// does not read grow its buffer towards tcp_rmem's maximum, so a server that stops reading
// (SIGSTOP) holds tens of megabytes, minutes of audio, before the sender blocks. Over a WAN
// link a hung peer blocks the sender within seconds; tests of a stalled peer call this to get
// that behaviour on a real connection.
int shrink_loopback_buffers(int port, int bytes);

}  // namespace lp::test
