#!/usr/bin/env python3
"""Where a gateway's CPU went, from async-profiler's collapsed stacks: each sample is charged to
the innermost frame that belongs to a named part (the newsroom's own filters first, then Spring
Security, Spring Cloud Gateway, Reactor Netty, ...), so nested parts are not counted twice.

    breakdown.py STACKS.txt REQUESTS [REFERENCE.txt REFERENCE_REQUESTS]

prints, per part, microseconds of CPU per request (one sample is one millisecond of CPU), and
beside it the same for a reference profile (the bare Spring Cloud Gateway) when given.
"""
import collections
import re
import sys

# order matters: the first pattern a frame matches names its part
PARTS = [
    ("JIT compiler", r"CompileBroker|C2Compiler|C1Compiler|Compile::"),
    ("garbage collector", r"^G1|GCTaskThread|^GC"),
    ("newsroom: entry (request id, trace, headers)", r"newsroom/gateway/edge/(EdgeEntry|SecurityHeaders|TraceParent|EdgeRequest)|platform/observability"),
    ("newsroom: access log", r"newsroom/gateway/edge/(AccessLog|JsonText)"),
    ("newsroom: request metrics", r"newsroom/gateway/edge/ServerRequestMetrics"),
    ("newsroom: rate limits", r"newsroom/gateway/edge/(RateLimitFilter|ClientLimits|TokenBucket|AuthFailureGuard)"),
    ("newsroom: client address", r"newsroom/gateway/edge/(ClientAddress|ForwardedClientHeaders)"),
    ("newsroom: breaker and retries", r"newsroom/gateway/edge/ResilientRouteFilter|resilience4j"),
    ("newsroom: body limit, error bodies", r"newsroom/gateway/edge/(RequestBodyLimit|ServiceErrorBodies|RouteSettings)"),
    ("newsroom: request line guard", r"newsroom/gateway/edge/RequestLineGuard"),
    ("newsroom: page cache and pages", r"newsroom/gateway/(cache|page|web)/"),
    ("Spring Security (firewall, chain)", r"springframework/security"),
    ("Micrometer", r"io/micrometer|opentelemetry"),
    ("Spring Cloud Gateway: header filters", r"cloud/gateway/filter/headers"),
    ("Spring Cloud Gateway: proxy client", r"cloud/gateway/filter/Netty|reactor/netty/http/client|reactor/netty/resources"),
    ("Spring Cloud Gateway: routing, filters", r"springframework/cloud/gateway"),
    ("Netty: HTTP codec", r"io/netty/handler/codec"),
    ("kernel and libc (network I/O)", r"^(__GI_|__libc|epoll|recv|send|write|read|sys_|entry_SYSCALL)|\[kernel\]|Java_io_netty"),
    ("Netty: event loop, buffers", r"io/netty/"),
    ("Reactor Netty server", r"reactor/netty"),
    ("Spring WebFlux", r"springframework/(web|http)"),
]
# glue: charged to the nearest named frame above them
GLUE = re.compile(r"^(reactor/core|reactor/util|java/|jdk/|sun/)|Lambda|stub$")


def load(path):
    parts = collections.Counter()
    compiled = [(name, re.compile(pattern)) for name, pattern in PARTS]
    total = 0
    for line in open(path, encoding="utf-8", errors="replace"):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if not count.isdigit():
            continue
        count = int(count)
        total += count
        owner = None
        for frame in reversed(stack.split(";")):
            if GLUE.search(frame):
                continue
            for name, pattern in compiled:
                if pattern.search(frame):
                    owner = name
                    break
            if owner:
                break
        parts[owner or "other (JDK, Reactor core glue)"] += count
    return parts, total


def main():
    parts, total = load(sys.argv[1])
    requests = float(sys.argv[2])
    reference, reference_total, reference_requests = collections.Counter(), 0, None
    if len(sys.argv) > 4:
        reference, reference_total = load(sys.argv[3])
        reference_requests = float(sys.argv[4])
    per = lambda samples, n: 1000.0 * samples / n if n else 0.0
    print(f"{'part':46s} {'us/request':>11s} {'share':>7s}" + (f" {'bare SCG':>10s}" if reference_requests else ""))
    for name, _ in sorted(parts.items(), key=lambda item: -item[1]):
        row = f"{name:46s} {per(parts[name], requests):11.2f} {100.0 * parts[name] / total:6.1f}%"
        if reference_requests:
            row += f" {per(reference[name], reference_requests):10.2f}"
        print(row)
    for name in reference:
        if name not in parts and reference_requests:
            print(f"{name:46s} {0.0:11.2f} {0.0:6.1f}% {per(reference[name], reference_requests):10.2f}")
    total_row = f"{'all':46s} {per(total, requests):11.2f} {100.0:6.1f}%"
    if reference_requests:
        total_row += f" {per(reference_total, reference_requests):10.2f}"
    print(total_row)


if __name__ == "__main__":
    main()
