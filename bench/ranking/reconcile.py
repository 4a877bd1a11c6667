#!/usr/bin/env python3
"""Sums the views stored in ranking-service's buckets, read straight from its MongoDB
(here the embedded wire-protocol store), independently of the service's own code.

Usage: reconcile.py MONGO_PORT DATABASE    prints the total
"""
import sys

from pymongo import MongoClient

client = MongoClient("127.0.0.1", int(sys.argv[1]), serverSelectionTimeoutMS=10000)
total = sum(int(bucket.get("views", 0)) for bucket in client[sys.argv[2]]["hourly_views"].find({}, {"views": 1}))
print(total)
