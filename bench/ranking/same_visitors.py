#!/usr/bin/env python3
"""Sends the same visitors' views to two ranking-service replicas: each of COUNT new visitor ids
views one article once through each replica (which replica goes first alternates), over one
keep-alive connection per replica. Prints "SAME sent=<views> answered=<202s> visitors=<COUNT>".

Usage: same_visitors.py PORT_ONE PORT_TWO COUNT
"""
import http.client
import json
import os
import sys

one, two, count = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=10) for port in (one, two)]
body = json.dumps({"articleId": "6650%020x" % 41})
run = os.urandom(4).hex()
sent = answered = 0
for i in range(count):
    visitor = "same-%s-%06d" % (run, i)
    for c in (connections if i % 2 == 0 else connections[::-1]):
        c.request("POST", "/api/rankings/views", body, {
            "Content-Type": "application/json",
            "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) bench-browser/1.0",
            "X-Visitor-Id": visitor,
        })
        response = c.getresponse()
        response.read()
        sent += 1
        answered += response.status == 202
print("SAME sent=%d answered=%d visitors=%d" % (sent, answered, count))
