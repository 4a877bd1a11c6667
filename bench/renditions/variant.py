#!/usr/bin/env python3
"""variant.py IN.jpg OUT.jpg LABEL: the same JPEG with a comment segment (COM) after its start.

The pixels are untouched; only the bytes differ, so the media service (which stores identical
bytes once) treats each run's upload as a new photo and makes its renditions afresh.
"""
import sys

source, target, label = sys.argv[1], sys.argv[2], sys.argv[3].encode("ascii")
data = open(source, "rb").read()
assert data[:2] == b"\xff\xd8", "not a JPEG"
segment = b"\xff\xfe" + (len(label) + 2).to_bytes(2, "big") + label
at = 2
if data[2:4] == b"\xff\xe0":  # keep a JFIF header first, where readers expect it
    at = 4 + int.from_bytes(data[4:6], "big")
open(target, "wb").write(data[:at] + segment + data[at:])
