#!/usr/bin/env python3
"""bench_coverage.py -- what the data lets the advisor say today, as figures (issue: every place, real numbers).

usage: bench_coverage.py YIBAO [AS_OF]   (run from anywhere: the region list is read from the tree)

For a flexible worker born in 1990 earning 6,000 a month, living and insured where they work:
  - of the 36 cities of the research, how many show a monthly cost for the employee scheme and for
    the resident scheme, and with which marks (own current figure, last known year, province, national);
  - of every province- and prefecture-level region, how many show a resident-scheme cost (the
    national minimum at worst).
One `yibao batch` run over every region; prints the figures and exits 1 when a target is missed.
"""
import csv
import io
import json
import re
import subprocess
import sys

CITIES = [110000, 120000, 130100, 140100, 150100, 210100, 210200, 220100, 230100, 310000, 320100, 330100,
          330200, 340100, 350100, 350200, 360100, 370100, 370200, 410100, 420100, 430100, 440100, 440300,
          450100, 460100, 500000, 510100, 520100, 530100, 540100, 610100, 620100, 630100, 640100, 650100]

yibao = sys.argv[1]
extra = ["--as-of", sys.argv[2]] if len(sys.argv) > 2 else []

# every region the program knows: the generated table (core/region_table.c) is the list
out = subprocess.run([yibao, "--lang", "en", "policy", "check"], capture_output=True, text=True).stdout
known = next((int(l.split()[0]) for l in out.splitlines() if "places are known" in l), 0)
here = __file__.rsplit("/", 3)[0] if "/" in __file__ else "."
src = open(here + "/core/region_table.c", encoding="utf-8").read()
rows = re.findall(r"^\s*\{(\d{6}), \"", src[:src.index("region_aliases[]")], re.M)
regions = sorted(int(c) for c in rows)

buf = io.StringIO()
w = csv.writer(buf)
w.writerow(["id", "work_city", "hukou_city", "birth", "sex", "work", "monthly_income"])
for c in regions:
    w.writerow(["%06d" % c, "%06d" % c, "%06d" % c, "1990-01", "male", "flexible", "6000"])
res = subprocess.run([yibao, "batch", "--format", "jsonl"] + extra, input=buf.getvalue(), capture_output=True,
                     text=True)
if res.returncode != 0:
    print("batch failed:", res.stderr[:500])
    sys.exit(1)
by = {}
for line in res.stdout.splitlines():
    d = json.loads(line)
    by[int(d["id"])] = d


def mark(d, k):
    """where option k's monthly cost comes from, by the row rules of README.md (yibao.advice/2-row)"""
    if k >= len(d["options"]):
        return None
    o = d["options"][k]
    cost = o["cost"] + [None] * (9 - len(o["cost"]))
    if cost[2] is None:
        return None
    if cost[1] is None:
        return "?"
    words = d["sources"][cost[1]].partition(" = ")[0].split(" ")
    year = [w for w in words[2:] if w.startswith("@")]
    if year:
        return "last known (%s)" % year[0][1:]
    at = words[2][:6]
    return "national" if at == "000000" else "province" if at != o["region"] else "own"


both = 0
marks = {"employee": {}, "resident": {}}
missing = []
for c in CITIES:
    d = by[c]
    me, mr = mark(d, 0), mark(d, 1)
    for k, m in (("employee", me), ("resident", mr)):
        marks[k][m or "not known"] = marks[k].get(m or "not known", 0) + 1
    if me and mr:
        both += 1
    else:
        missing.append("%06d (%s)" % (c, "employee" if not me else "resident"))
res_all = sum(1 for c in regions if mark(by[c], 1))
as_of = next(iter(by.values()))["as_of"]
print("as of %s, a flexible worker born 1990 earning 6,000 a month, insured where they work" % as_of)
print("36 cities with a monthly cost for both schemes: %d (target 32)" % both)
for k in ("employee", "resident"):
    print("  %-8s cost marks: %s" % (k, ", ".join("%s %d" % (m, n) for m, n in sorted(marks[k].items()))))
if missing:
    print("  without: " + "; ".join(missing))
print("regions (provinces and prefectures) with a resident-scheme cost: %d of %d (target: all)" %
      (res_all, len(regions)))
print("places the program knows (policy check): %d" % known)
sys.exit(0 if both >= 32 and res_all == len(regions) else 1)
