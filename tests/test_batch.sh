#!/bin/sh
# test_batch.sh -- yibao batch end to end: every row equal to advise --format json, CSV edge cases,
# encodings, errors that leave the stream going, exit statuses, streaming in constant memory, and the
# same output from GNU parallel --pipe and from splits without a header (Hadoop Streaming, Spark).
# usage: YIBAO=build/tui/yibao SRC=. test_batch.sh    (exits 77 when a tool it needs is missing)
set -u
yibao=${YIBAO:?set YIBAO to the yibao binary}
src=${SRC:?set SRC to the source tree}
tmp=$(mktemp -d)
sshd_pid=""
trap '[ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0
fail=0
skip=0
people=$src/tests/data/batch/people.csv
asof=2025-06-01

check() { # name, condition result
	if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}

skipped() { # name, why
	skip=$((skip + 1))
	echo "SKIP: $1 ($2)"
}

batch() { # expected status, output, errors, args... (stdin is the input)
	want=$1 out=$2 err=$3
	shift 3
	"$yibao" batch "$@" >"$out" 2>"$err"
	rc=$?
	[ "$rc" -eq "$want" ] || { echo "  yibao batch $*: exit $rc, want $want"; head -5 "$err"; return 1; }
}

command -v python3 >/dev/null || { echo "python3 is needed"; exit 77; }

# A private OpenSSH server on 127.0.0.1, for root only (it logs in as root with a key made here):
# sets ssh_login to the ssh command that reaches it, or ssh_why to why there is none.
start_sshd() {
	ssh_why="needs root, sshd and ssh (openssh-server, openssh-client)"
	[ "$(id -u)" -eq 0 ] && [ -x /usr/sbin/sshd ] && command -v ssh >/dev/null &&
		command -v ssh-keygen >/dev/null || return 1
	d=$tmp/sshd
	mkdir -p "$d" /run/sshd
	ssh-keygen -q -t ed25519 -N '' -f "$d/host" && ssh-keygen -q -t ed25519 -N '' -f "$d/client" || return 1
	cp "$d/client.pub" "$d/keys"
	port=$((20000 + $$ % 20000))
	cat >"$d/config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $d/host
AuthorizedKeysFile $d/keys
AuthenticationMethods publickey
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
PidFile none
CONF
	/usr/sbin/sshd -D -f "$d/config" -E "$d/log" &
	sshd_pid=$!
	ssh_login="ssh -F /dev/null -p $port -i $d/client -o BatchMode=yes -o IdentitiesOnly=yes \
-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR root@127.0.0.1"
	for _ in $(seq 50); do
		$ssh_login true 2>/dev/null && return 0
		kill -0 "$sshd_pid" 2>/dev/null || break
		sleep 0.2
	done
	ssh_why="the test sshd on port $port did not let a key login in: $(tail -n 1 "$d/log")"
	return 1
}

# ---------------------------------------------------------------- every row equals advise --format json
# tests/data/batch/people.csv: a spread of people (the columns in no particular order, id in the
# middle, some cells padded with spaces), then rows with errors, each followed by a good one.
# compare.py checks the JSON lines and the CSV columns against `yibao advise` on each row alone.
cat >"$tmp/compare.py" <<'PY'
import csv, json, os, re, subprocess, sys

yibao, people, jsonl_path, csv_path, tmp = sys.argv[1:6]
extra = sys.argv[6:]  # --as-of DATE, --policy-dir DIR, --lang … as given to batch
pdir = [extra[i + 1] for i, a in enumerate(extra) if a == "--policy-dir"]
docs = subprocess.run([yibao, "policy", "documents", "--format", "json"] + (["--policy-dir"] + pdir if pdir else []),
                      capture_output=True, check=True).stdout
cite = {d["id"]: d["cite"] for d in json.loads(docs)}
HELP = {"apply_employee": "apply", "pay_resident": "apply", "bring_documents": "bring", "enrolment_window": "window",
        "payment": "pay", "hotline": "hotline", "transfer": "transfer", "remote_care_filing": "remote_care",
        "residence_permit": "permit"}

def canon_advise(d):
    """advise's object with each "src" index replaced by what it names"""
    srcs = d["sources"]
    used = set()
    def walk(x):
        if isinstance(x, dict):
            for k in ("src", "wage_src"):
                if k in x and x[k] is not None:
                    s = srcs[x[k]]
                    x[k] = [s["docs"], s["checked"], s["confidence"], s.get("formula")]
                    used.add(json.dumps(x[k]))
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    for s in srcs:
        # the full text of every document a row names is `yibao policy documents`'
        assert s["document"] == "；".join(cite[i] for i in s["docs"]), s
    # a row leaves out what only the detail view tells (README), and so the sources only it cites
    for o in d["options"]:
        assert isinstance(o.pop("detail"), dict)
    walk(d["options"])
    walk(d["reasons"])
    d["sources"] = sorted(used)
    return d

def pad(a, n):
    """a row's array with the trailing nulls it leaves out"""
    return list(a) + [None] * (n - len(a))

def expand_row(r, want):
    """a batch row (yibao.advice/2-row) as the advise object it stands for, by the README's rules"""
    assert r.pop("schema") == "yibao.advice/2-row"
    srcs = []
    for s in r["sources"]:
        # "confidence checked REGION/ID… [@year] [= formula]"
        s, _, formula = s.partition(" = ")
        conf, checked, *rest = s.split(" ")
        year = int(rest.pop()[1:]) if rest and rest[-1].startswith("@") else None
        srcs.append((conf, checked, rest, year, formula or None))
    def ref(i, region, minimum=False):
        """what a src names, and the marks and year it implies"""
        if i is None:
            return {"src": None}
        conf, checked, ids, year, formula = srcs[i]
        at = ids[0][:6]
        marks = []
        if at == "000000" and region != "000000":
            marks.append("national_minimum" if minimum else "national")
        elif region is not None and at != region:
            marks.append("province")
        if year is not None:
            marks.append("last_known")
        if conf != "verified":
            marks.append(conf)
        o = {"src": [ids, checked, conf, formula]}
        if marks:
            o["marks"] = marks
        if year is not None:
            o["year"] = year
        return o
    names = {}  # each item id's value names, as advise gives them
    for o in want.get("options", []):
        for it in o["blockers"] + o["caveats"]:
            names[it["id"]] = list(it.get("values", {}))
    for it in want.get("reasons", []):
        names[it["id"]] = list(it.get("values", {}))
    def item(it, region):
        n = names.get(it[0], [])
        it = pad(it, 2 + len(n))
        o = {"id": it[0]}
        if n:
            o["values"] = dict(zip(n, it[2:]))
        o.update(ref(it[1], region))
        return o
    def cost(a):
        return dict(zip(("monthly_yuan", "annual_yuan", "share_of_income", "pension_monthly_yuan", "base_yuan"), a))
    ret = r.pop("retirement")
    groups = r.pop("caveats")
    options = []
    for k, o in enumerate(r["options"]):
        w = want["options"][k] if k < len(want["options"]) else {}
        reg = o["region"]
        emp = o["scheme"] == "employee"
        x = {"scheme": o["scheme"], "region": reg}
        if "region_name" in w:  # the region table's names for the code (`yibao policy show`)
            x["region_name"] = w["region_name"]
        local = o.get("local_data", True)
        if local is not None:
            x["local_data"] = local
        x["eligible"] = o.get("eligible", True)
        x["blockers"] = [item(b, reg) for b in o.get("blockers", [])]
        form, src, *c = pad(o["cost"], 9)
        c, base, tier, minimum = c[:4], c[4], c[5], c[6]
        xc = cost(c + [base] if emp else c)
        if emp:
            xc["matched"] = cost(o["matched"]) if "matched" in o else cost(c + [base])
        else:
            xc["is_national_minimum"] = bool(minimum)
        xc["form"] = form
        if tier is not None:
            xc["tier"] = tier
        if src is not None:
            xc.update(ref(src, reg, bool(minimum)))
        if emp and base is not None and ("base" in o or src is not None):
            bsrc, fixed, derived, wage = pad(o.get("base", [src, False, False]), 4)
            xb = {"fixed": fixed, "derived_from_wage": derived}
            xb.update(ref(bsrc, reg))
            if wage is not None:
                xb["wage_src"] = ref(wage, reg)["src"]
            xc["base"] = xb
        x["cost"] = xc
        ratio, bsrc, average, account, family, own, deductible = pad(o["benefits"], 7)
        xb = {"inpatient_ratio": ratio, "ratio_is_national_average": average}
        if ratio is not None:
            xb.update(ref(bsrc, reg))
        xb.update({"personal_account": account, "family_sharing": family,
                   "hospital_stay": {"bill_yuan": 10000.0, "you_pay_yuan": own, "deductible_yuan": deductible}})
        x["benefits"] = xb
        months, bound = pad(o["waiting"], 2)
        x["waiting_months"] = months
        if bound:
            x["waiting_is_national_bound"] = True
        xr = {}
        if ret is not None:
            xr = dict(zip(("age_years", "age_months", "date", "passed"), ret))
        at, required, shortfall, ysrc = pad(o["years"], 4)
        xr.update({"years_at_retirement": at, "years_required": required, "shortfall_years": shortfall})
        if ysrc is not None:
            xr.update(ref(ysrc, reg))
        x["retirement"] = xr
        x["caveats"] = [item(groups[g], reg) for g in o["caveats"]]
        steps = []
        for st in o["steps"]:
            st = pad(st, 5)
            y = {"id": st[0], "help": HELP[st[0]]}
            rest = st[2:]
            if st[0] in ("apply_employee", "pay_resident") and rest[0] is not None:
                y["text"] = rest[0]
            elif st[0] == "bring_documents":
                y["documents"] = rest[0]
            elif st[0] == "enrolment_window":
                if rest[0] is None:
                    y["set_locally"] = True
                else:
                    y["from"], y["to"] = rest[:2]
                    if rest[2]:
                        y["passed"] = True
            elif st[0] == "payment":
                if rest[1] is not None:
                    y["text"] = rest[1]
                y["per_year"] = rest[0]
            elif st[0] == "hotline":
                y["number"] = rest[0] if rest[0] is not None else "12393"
                if rest[0] is None:
                    y["with_area_code"] = True
            if st[1] is not None:
                y.update(ref(st[1], reg))
            steps.append(y)
        x["next_steps"] = steps
        options.append(x)
    reasons = [item(it, None) for it in r["reasons"]]
    rec = r["recommended"]
    # the summary, from the options: the recommended one's cost at the matched base with its pension
    sm = {"recommended": rec}
    if rec is not None:
        o = options[rec]
        c = o["cost"].get("matched", o["cost"])
        p = c["pension_monthly_yuan"]
        pp = p if p is not None and p > 0 else 0
        sm["medical_monthly_yuan"] = c["monthly_yuan"]
        sm["pension_monthly_yuan"] = p
        sm["total_monthly_yuan"] = None if c["monthly_yuan"] is None else round(c["monthly_yuan"] + pp, 2)
        sm["total_annual_yuan"] = None if c["annual_yuan"] is None else round(c["annual_yuan"] + pp * 12, 2)
        sm["cost_unknown_first"] = bool(reasons) and reasons[0]["id"] == "cost_unknown"
        sm["next_step"] = "apply_employee" if o["scheme"] == "employee" else "pay_resident"
    others = []
    for i, o in enumerate(options):
        if i == rec:
            continue
        y = {"option": i, "status": "closed" if o["blockers"] or o["eligible"] is False
             else "unknown" if o["eligible"] is None else "open"}
        if o["blockers"]:
            y["blocker"] = o["blockers"][0]["id"]
        else:
            c = o["cost"].get("matched", o["cost"])
            p = c["pension_monthly_yuan"]
            y["total_monthly_yuan"] = None if c["monthly_yuan"] is None else \
                round(c["monthly_yuan"] + (p if p is not None and p > 0 else 0), 2)
        others.append(y)
    sm["others"] = others
    return {"schema": "yibao.advice/2", "as_of": r["as_of"], "summary": sm, "options": options,
            "recommended": rec, "reasons": reasons,
            "sources": sorted(set(json.dumps([s[2], s[1], s[0], s[4]]) for s in srcs))}
slots = ["employee_work", "resident_work", "resident_hukou"]
cells = ["eligible", "annual_yuan", "waiting_months", "shortfall_years", "caveats"]
rows = list(csv.DictReader(open(people, encoding="utf-8", newline="")))
lines = open(jsonl_path, encoding="utf-8").read().split("\n")
assert lines[-1] == "", "the JSON lines end with a line break"
lines = lines[:-1]
assert len(lines) == len(rows), (len(lines), len(rows))
out = list(csv.reader(open(csv_path, encoding="utf-8", newline="")))
header = ["id"] + ["%s_%s" % (s, c) for s in slots for c in cells] + ["recommended", "error"]
assert out[0] == header, out[0]
out = out[1:]
assert len(out) == len(rows), (len(out), len(rows))
bad = 0

def fail(i, what, got, want):
    global bad
    bad += 1
    print("  row %d (%s): %s: got %r, want %r" % (i + 2, rows[i]["id"], what, got, want))

def cell_values(o):
    el = {True: "yes", False: "no", None: "unknown"}[o["eligible"]]
    a = o["cost"]["annual_yuan"]
    w = o["waiting_months"]
    s = o["retirement"]["shortfall_years"]
    ids = []
    for c in o["caveats"]:
        if c["id"] not in ids:
            ids.append(c["id"])
    return [el, "" if a is None else "%.2f" % a, "" if w is None else str(w), "" if s is None else "%.1f" % s,
            ";".join(ids)]

for i, r in enumerate(rows):
    path = os.path.join(tmp, "row%d.ini" % i)
    with open(path, "w", encoding="utf-8") as f:
        f.write("[answers]\n")
        for k, v in r.items():
            if k != "id" and v.strip() != "":
                f.write("%s = %s\n" % (k, v.strip()))
    p = subprocess.run([yibao, "advise", "--answers", path, "--format", "json"] + extra, capture_output=True)
    got = json.loads(lines[i])
    c = out[i]
    if list(got)[0] != "id" or got["id"] != r["id"]:
        fail(i, "JSON id", list(got)[:1], r["id"])
    if c[0] != r["id"]:
        fail(i, "CSV id", c[0], r["id"])
    got.pop("id", None)
    if p.returncode == 0:
        want = json.loads(p.stdout)
        if len(lines[i].encode()) > 3000:
            fail(i, "row size", len(lines[i].encode()), "at most 3000 bytes")
        want_c = canon_advise(json.loads(p.stdout))
        try:
            got = expand_row(got, json.loads(p.stdout))
        except Exception as e:
            fail(i, "row form", repr(e), "a row by the README's rules")
        if got != want_c:
            fail(i, "JSON", got, want_c)
        wc = []
        opts = want["options"]
        for s in range(3):
            wc += cell_values(opts[s]) if s < len(opts) else [""] * 5
        rec = want["recommended"]
        wc += ["" if rec is None else slots[rec], ""]
        if c[1:] != wc:
            fail(i, "CSV cells", c[1:], wc)
        if [o["scheme"] for o in opts][:2] != ["employee", "resident"] or \
           [o["region"] for o in opts] != [r["work_city"].strip()] * 2 + \
           ([r["hukou_city"].strip()] if r["hukou_city"].strip() != r["work_city"].strip() else []):
            fail(i, "option order", [(o["scheme"], o["region"]) for o in opts], "employee, resident, resident")
    else:
        # advise says "FILE:LINE: what is wrong" (or "FILE: …"); batch says what is wrong alone
        msg = p.stderr.decode().strip()
        msg = re.sub(r"^" + re.escape(path) + r"(:\d+)?: ", "", msg)
        if p.returncode != 2 or got != {"error": msg}:
            fail(i, "error", got, {"error": msg, "status": p.returncode})
        if c[1:] != [""] * 16 + [msg]:
            fail(i, "CSV error row", c[1:], msg)
print("%d rows compared, %d differences" % (len(rows), bad))
sys.exit(1 if bad else 0)
PY

compare() { # name, batch and advise options...
	name=$1
	shift
	batch 0 "$tmp/c.jsonl" "$tmp/c.err" --format jsonl "$@" <"$people" &&
		batch 0 "$tmp/c.csv" "$tmp/c.err2" "$@" <"$people" &&
		python3 "$tmp/compare.py" "$yibao" "$people" "$tmp/c.jsonl" "$tmp/c.csv" "$tmp" "$@"
	check "$name" $?
}

compare "batch equals advise --format json for every row (--as-of)" --as-of "$asof"
compare "batch equals advise for every row in Chinese" --as-of "$asof" --lang zh
mkdir "$tmp/pd"
cp "$src/tests/data/policy/310000-shanghai.yaml" "$tmp/pd/"
compare "batch equals advise with --policy-dir (known employee costs)" --as-of "$asof" --policy-dir "$tmp/pd"
grep -q '^w10,yes,8400.00,' "$tmp/c.csv"
check "money with two decimals from fen (7000 x 10% x 12 = 8400.00)" $?
# the what-if for every row, as advise takes it
batch 0 "$tmp/plain.csv" "$tmp/plain.err" --as-of "$asof" <"$people"
compare "batch equals advise with --employee-tier 2 --resident-tier 2 --base 9000" --as-of "$asof" \
	--employee-tier 2 --resident-tier 2 --base 9000
! cmp -s "$tmp/plain.csv" "$tmp/c.csv" && grep -q 'tier_not_offered' "$tmp/c.csv" &&
	grep -q '"tier_not_offered"' "$tmp/c.jsonl"
check "the what-if moves the costs, and a tier a city lacks is said in both formats" $?
compare "batch equals advise with --base lowest" --as-of "$asof" --base lowest
batch 2 "$tmp/bad.csv" "$tmp/bad.err" --base 6000x <"$people"
grep -q '"6000x" is not a base' "$tmp/bad.err" && [ ! -s "$tmp/bad.csv" ]
check "batch --base 6000x: status 2, the value named, nothing on stdout" $?
# each row's own as_of when --as-of is not given: only the rows that have one, so that "today"
# plays no part
python3 - "$people" "$tmp/dated.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
w = csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\n")
w.writerow(rows[0])
for r in rows[1:]:
    if r[rows[0].index("as_of")]:
        w.writerow(r)
PY
people_all=$people
people=$tmp/dated.csv
compare "each row's own as_of" 
grep -q '"as_of":"2019-06-01"' "$tmp/c.jsonl" && grep -q '"as_of":"2024-03-15"' "$tmp/c.jsonl"
check "rows evaluated on their own dates" $?
people=$people_all

batch 0 "$tmp/all.csv" "$tmp/all.err" --as-of "$asof" <"$people"
check "bad rows leave the exit status 0" $?
grep -qx '53 rows read, 12 with errors' "$tmp/all.err"
check "summary on stderr counts rows and errors" $?
grep -q '^row 41: "monthly_income" (monthly income in yuan) is out of range' "$tmp/all.err"
check "stderr names a bad row by its spreadsheet row number" $?
[ "$(grep -c '^row ' "$tmp/all.err")" -eq 10 ]
check "stderr lists the first 10 bad rows, the error column has all" $?
[ "$(wc -l <"$tmp/all.csv")" -eq 54 ]
check "one output row per input row, and the header" $?
"$yibao" --lang zh batch --as-of "$asof" <"$people" >"$tmp/zh.csv" 2>"$tmp/zh.err"
grep -q '^bad-income,,*"「monthly_income」（月收入）超出范围' "$tmp/zh.csv" && grep -qx '共读取53行，其中12行有错误' "$tmp/zh.err"
check "error cells and summary in Chinese" $?

# ---------------------------------------------------------------- CSV edge cases
# the same rows with CRLF, a byte-order mark, blank lines and rows of empty cells: the same output
base="$tmp/all.csv"
sed 's/$/\r/' "$people" | batch 0 "$tmp/crlf.csv" "$tmp/e" --as-of "$asof" && cmp -s "$base" "$tmp/crlf.csv"
check "CRLF line endings" $?
{ printf '\357\273\277'; cat "$people"; } | batch 0 "$tmp/bom.csv" "$tmp/e" --as-of "$asof" && cmp -s "$base" "$tmp/bom.csv"
check "UTF-8 byte-order mark (as spreadsheets save)" $?
{ printf '\n\n'; awk 'NR == 3 { print ""; print ",,,,,,,,,,,,,,,,"; print "  ,\t, " } { print }' "$people"; printf '\n'; } |
	batch 0 "$tmp/blank.csv" "$tmp/e" --as-of "$asof" && cmp -s "$base" "$tmp/blank.csv"
check "blank lines and rows of empty cells are skipped" $?
{ sed -n 1p "$people" | sed 's/$/,,/'; sed 1d "$people" | sed 's/$/,,/'; } |
	batch 0 "$tmp/trail.csv" "$tmp/e" --as-of "$asof" && cmp -s "$base" "$tmp/trail.csv"
check "unnamed columns and trailing empty cells are ignored" $?

head="id,work_city,hukou_city,birth,sex,work,monthly_income"
good="310000,310000,1990-01,male,flexible,5000"
printf '%s\r\n"a ""quoted"", id",%s\r\n"two\r\nlines",%s\r\n"x",%s\r\n' "$head" "$good" "$good" "$good" |
	batch 0 "$tmp/q.csv" "$tmp/e" --as-of "$asof" --format jsonl
python3 - "$tmp/q.csv" <<'PY'
import json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1], encoding="utf-8")]
assert ids == ['a "quoted", id', "two\r\nlines", "x"], ids
PY
check "quoted cells: commas, doubled quotes and line breaks, in JSON" $?
# ids as user input: every byte a JSON reader must get back, escaped; the CSV cell made safe
python3 - "$yibao" "$asof" <<'PY'
import csv, io, json, subprocess, sys
yibao, asof = sys.argv[1:3]
ids = ['q"uote', 'back\\slash', "new\nline", "cr\rlf", "tab\t", "bell\x07esc\x1b[31m", "del\x7f",
       "c1\u009b", "bidi\u202eevil\u2066", "张三", "emoji\U0001F600", "\ufffd", "=1+2", "@cmd", "-3", "+4", ""]
rows = ["id,work_city,hukou_city,birth,sex,work,monthly_income"]
buf = io.StringIO()
w = csv.writer(buf, lineterminator="\n")
w.writerow(["id", "work_city", "hukou_city", "birth", "sex", "work", "monthly_income"])
for i in ids:
    w.writerow([i, "310000", "310000", "1990-01", "male", "flexible", "5000"])
w.writerow(["bad\x01", "310000", "310000", "1990-01", "male", "flexible", "-5"])
data = buf.getvalue().encode()
out = subprocess.run([yibao, "batch", "--format", "jsonl", "--as-of", asof], input=data, capture_output=True).stdout
lines = out.decode().split("\n")[:-1]
got = [json.loads(l)["id"] for l in lines]
assert got == ids + ["bad\x01"], got
for l in lines:
    # one line each, and nothing a terminal acts on: C0, DEL, C1, bidi all escaped
    assert all(not (ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f or 0x202a <= ord(c) <= 0x202e or
                    0x2066 <= ord(c) <= 0x2069) for c in l), repr(l)
assert "error" in json.loads(lines[-1])
out = subprocess.run([yibao, "batch", "--as-of", asof], input=data, capture_output=True).stdout.decode()
cells = [r[0] for r in csv.reader(io.StringIO(out, newline=""))][1:]
want = ['q"uote', 'back\\slash', "new\nline", "cr^Mlf", "tab\t", "bell^Gesc^[[31m", "del^?", "c1<U+009B>",
        "bidi<U+202E>evil<U+2066>", "张三", "emoji\U0001F600", "\ufffd", "'=1+2", "'@cmd", "'-3", "'+4", "", "bad^A"]
assert cells == want, cells
PY
check "ids with quotes, backslashes, line breaks, controls, bidi and non-ASCII: exact in JSON, safe in CSV" $?
# a worst case for size: three options, a gap, a transfer, years short, a permit, many caveats
printf 'id,work_city,hukou_city,residence_permit,birth,sex,female_retire_age,work,monthly_income,employee_years,employee_years_local,coverage,coverage_city,gap_months,stay_years,retire_city\n%s\n%s\n' \
	'worst-case-person-with-a-long-id,440100,370200,yes,1968-03,female,50,flexible,1000,4.5,0.5,employee,370200,20,1,hukou' \
	'w2,310000,510100,no,1966-01,male,,self_employed,30000,1.5,1.5,resident,510100,69,,work' |
	batch 0 "$tmp/worst.jsonl" "$tmp/e" --format jsonl --as-of "$asof"
LC_ALL=C awk '{ if (length($0) + 1 > 3000) bad = 1 } END { exit bad }' "$tmp/worst.jsonl" && [ "$(wc -l <"$tmp/worst.jsonl")" -eq 2 ] &&
	python3 -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/worst.jsonl"
check "a worst-case row parses and stays within 3,000 bytes" $?
"$yibao" policy documents --format json >"$tmp/docs.json" && "$yibao" policy documents >"$tmp/docs.txt" &&
	python3 - "$tmp/docs.json" "$tmp/docs.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ids = [x["id"] for x in d]
assert len(ids) == len(set(ids)) and len(ids) > 100, len(ids)
assert all(x["cite"] and x["title"] and x["id"][6] == "/" for x in d)
assert [l.split("\t")[0] for l in open(sys.argv[2])] == ids
PY
check "policy documents: every document once by REGION/ID, text and JSON" $?

printf '%s\n"a ""quoted"", id",%s\n"two\nlines",%s\n' "$head" "$good" "$good" |
	batch 0 "$tmp/q2.csv" "$tmp/e" --as-of "$asof"
python3 - "$tmp/q2.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert [r[0] for r in rows[1:]] == ['a "quoted", id', "two\nlines"], rows
assert all(r[-1] == "" and r[1] == "yes" for r in rows[1:]), rows
PY
check "quoted cells come out quoted in the CSV output" $?

printf '%s\nshort,310000,310000,1990-01,male\nlong,%s,x\nnext,%s\n' "$head" "$good" "$good" |
	batch 0 "$tmp/cols.csv" "$tmp/e" --as-of "$asof"
grep -q '^short,,*,the row has 5 cells but the header has 7 columns$' "$tmp/cols.csv" &&
	grep -q '^long,,*,column 8 has a value but no name in the header$' "$tmp/cols.csv" &&
	grep -q '^next,yes,' "$tmp/cols.csv"
check "missing and extra cells: an error row, and the stream goes on" $?
printf 'id,work_city,hukou_city,birth,sex,monthly_income\nn1,310000,310000,1990-01,male,5000\n' |
	batch 0 "$tmp/miss.csv" "$tmp/e" --as-of "$asof"
grep -q '^n1,.*"""work"" (.*) is missing' "$tmp/miss.csv"
check "a column the header lacks: each row names the missing key" $?

printf '%s\nu1,310000,310000,1990-01,m\377le,flexible,5000\n\377\376,%s\nu3,%s\n' "$head" "$good" "$good" |
	batch 0 "$tmp/utf.csv" "$tmp/e" --as-of "$asof"
grep -q '^u1,.*"""sex"" is not valid UTF-8: save the file as UTF-8, or give --input-encoding gbk or gb18030"$' "$tmp/utf.csv" &&
	grep -q "^$(printf '\357\277\275\357\277\275'),.*\"\"id\"\" is not valid UTF-8" "$tmp/utf.csv" &&
	grep -q '^u3,yes,' "$tmp/utf.csv"
check "invalid UTF-8 names its column, the id is shown with U+FFFD, the stream goes on" $?

# GBK and GB18030 input: the same advice as the UTF-8 file, ids in UTF-8
if command -v iconv >/dev/null; then
	printf '%s\n张三,%s\n"李四, 王五",%s\n' "$head" "$good" "$good" >"$tmp/zh-utf8.csv"
	batch 0 "$tmp/zh-utf8.out" "$tmp/e" --as-of "$asof" <"$tmp/zh-utf8.csv"
	iconv -f UTF-8 -t GBK "$tmp/zh-utf8.csv" | batch 0 "$tmp/gbk.out" "$tmp/e" --as-of "$asof" --input-encoding gbk &&
		cmp -s "$tmp/zh-utf8.out" "$tmp/gbk.out" && grep -q '^张三,yes,' "$tmp/gbk.out"
	check "GBK input (--input-encoding gbk)" $?
	printf '%s\n\360\240\200\200张,%s\n' "$head" "$good" >"$tmp/gb18030-utf8.csv"
	iconv -f UTF-8 -t GB18030 "$tmp/gb18030-utf8.csv" |
		batch 0 "$tmp/gb18030.out" "$tmp/e" --as-of "$asof" --input-encoding GB18030 &&
		grep -q "^$(printf '\360\240\200\200')张,yes," "$tmp/gb18030.out"
	check "GB18030 input, four-byte characters included" $?
	iconv -f UTF-8 -t GBK "$tmp/zh-utf8.csv" | batch 0 "$tmp/gbk-as-utf8.out" "$tmp/e" --as-of "$asof" &&
		grep -q 'is not valid UTF-8: save the file as UTF-8, or give --input-encoding gbk' "$tmp/gbk-as-utf8.out"
	check "GBK read as UTF-8 says which --input-encoding to give" $?
	printf '%s\n\201,%s\nok,%s\n' "$head" "$good" "$good" | batch 0 "$tmp/badgbk.out" "$tmp/e" --input-encoding gbk --as-of "$asof" &&
		grep -q '"""id"" is not valid GBK: check --input-encoding"$' "$tmp/badgbk.out" && grep -q '^ok,yes' "$tmp/badgbk.out"
	check "bytes that are not GBK: an error row" $?
else
	skipped "GBK and GB18030 input" "iconv(1) not installed"
fi

# broken CSV: each bad record is a row with an error, then the next one is read
python3 -c "print('$head'); print('big,' + 'x' * 70000 + ',1,2,3,4,5'); print('after-big,$good')" |
	batch 0 "$tmp/big.csv" "$tmp/e" --as-of "$asof"
grep -q '^,,*,the row is longer than 65536 bytes$' "$tmp/big.csv" && grep -q '^after-big,yes' "$tmp/big.csv"
check "a row over the maximum size: an error, not unbounded memory" $?
printf '%s\n"q1"x,%s\nq2,%s\n"q3,%s\n' "$head" "$good" "$good" "$good" | batch 0 "$tmp/bq.csv" "$tmp/e" --as-of "$asof"
grep -q 'text after its closing quote' "$tmp/bq.csv" && grep -q '^q2,yes' "$tmp/bq.csv" &&
	grep -q 'not closed before the end of the input' "$tmp/bq.csv" && [ "$(wc -l <"$tmp/bq.csv")" -eq 4 ]
check "broken quoting: error rows, and the rows between them go on" $?

# ---------------------------------------------------------------- header, usage, exit statuses
printf 'id,work_city,hukou_cty\n' | batch 2 "$tmp/h" "$tmp/h.err"
check "unknown column: status 2" $?
grep -q 'unknown column "hukou_cty" in the header: the columns are id, as_of, work_city' "$tmp/h.err" && [ ! -s "$tmp/h" ]
check "unknown column named, nothing on stdout" $?
printf 'sex,work,sex\n' | batch 2 "$tmp/h" "$tmp/h.err" && grep -q 'column "sex" is given twice' "$tmp/h.err"
check "a column given twice: status 2" $?
printf '' | batch 0 "$tmp/empty" "$tmp/e" && [ "$(cat "$tmp/empty")" = "$(head -n 1 "$base")" ]
check "empty input: the output header alone" $?
printf '' | batch 0 "$tmp/empty" "$tmp/e" --no-header && [ ! -s "$tmp/empty" ] && grep -qx '0 rows read, 0 with errors' "$tmp/e"
check "--no-header" $?
printf '' | batch 0 "$tmp/empty" "$tmp/e" --format jsonl && [ ! -s "$tmp/empty" ]
check "JSON lines have no header" $?
for args in "--format xml" "--input-encoding latin1" "--as-of 2025-02-30" "--frobnicate" "extra" "--lang fr" \
	"--columns id,nope" "--as-of"; do
	# shellcheck disable=SC2086 # the options are words
	batch 2 "$tmp/u" "$tmp/u.err" $args </dev/null
	check "bad usage: $args" $?
done
batch 0 "$tmp/help" "$tmp/e" --help </dev/null && grep -q 'yibao batch' "$tmp/help"
check "--help" $?
sed 's/rate: 10%/rate: 40%/' "$src/tests/data/policy/310000-shanghai.yaml" >"$tmp/pd/310000-shanghai.yaml"
batch 3 "$tmp/p" "$tmp/e" --policy-dir "$tmp/pd" <"$people"
check "bad policy data: status 3" $?
if [ -w /dev/full ]; then
	"$yibao" batch --as-of "$asof" <"$people" >/dev/full 2>"$tmp/full.err"
	[ $? -eq 4 ] && grep -q 'cannot write the output' "$tmp/full.err"
	check "write error: status 4" $?
fi
"$yibao" batch --as-of "$asof" <"$tmp" >/dev/null 2>"$tmp/dir.err"
[ $? -eq 4 ] && grep -q 'cannot read the input' "$tmp/dir.err"
check "read error: status 4" $?

# ---------------------------------------------------------------- --columns: input without a header
cols=$(head -n 1 "$people")
sed 1d "$people" | batch 0 "$tmp/nohead.csv" "$tmp/e" --as-of "$asof" --columns "$cols" && cmp -s "$base" "$tmp/nohead.csv"
check "--columns for input without a header row" $?
batch 0 "$tmp/withhead.csv" "$tmp/e" --as-of "$asof" --columns "$cols" <"$people" && cmp -s "$base" "$tmp/withhead.csv"
check "--columns skips the input's own identical header" $?
batch 2 "$tmp/x" "$tmp/e" --as-of "$asof" --columns "id,work_city,hukou_city,birth,sex,work,monthly_income" <"$people" &&
	grep -q 'names other columns than --columns' "$tmp/e"
check "--columns refuses a header naming other columns" $?
sed 1d "$people" | batch 0 "$tmp/bomcols.csv" "$tmp/e" --as-of "$asof" --columns "$(printf '\357\273\277')$cols" &&
	cmp -s "$base" "$tmp/bomcols.csv"
check "--columns from a first line with a byte-order mark (Spark's lines.first())" $?
batch 2 "$tmp/x" "$tmp/e" --columns "" </dev/null
check "--columns without names: status 2" $?

# ---------------------------------------------------------------- streaming, constant memory
python3 - "$yibao" "$asof" <<'PY'
import os, select, subprocess, sys
# a row is answered before the input ends: a program can feed rows one at a time
p = subprocess.Popen([sys.argv[1], "batch", "--as-of", sys.argv[2], "--format", "jsonl"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
p.stdin.write(b"id,work_city,hukou_city,birth,sex,work,monthly_income\nlive,310000,310000,1990-01,male,flexible,5000\n")
p.stdin.flush()
ready, _, _ = select.select([p.stdout], [], [], 20)
assert ready, "no answer before the end of the input"
line = p.stdout.readline()
assert line.startswith(b'{"id":"live"'), line
p.stdin.close()
assert p.wait(20) == 0
PY
check "each row is answered before the input ends (a pipe, one row at a time)" $?
python3 - "$yibao" "$asof" <<'PY'
import resource, subprocess, sys
# the same peak memory for 20,000 rows as for 300,000
def peak(n):
    p = subprocess.Popen(["sh", "-c", 'exec "$0" batch --as-of "$1" >/dev/null 2>&1', sys.argv[1], sys.argv[2]],
                         stdin=subprocess.PIPE)
    p.stdin.write(b"id,work_city,hukou_city,residence_permit,birth,sex,work,monthly_income\n")
    row = b"%d,310000,510100,yes,1990-01,male,flexible,5000\n"
    for i in range(0, n, 1000):
        p.stdin.write(b"".join(row % k for k in range(i, i + 1000)))
    p.stdin.close()
    assert p.wait() == 0
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
small = peak(20000)
large = peak(300000)  # ru_maxrss of the children is the largest so far: it grows only if this run used more
assert large - small < 2048, (small, large)
PY
check "constant memory: 300,000 rows take no more than 20,000" $?

# ---------------------------------------------------------------- GNU parallel --pipe, and splits
# A bigger file (the people again and again, each with its own id), so that it spans many chunks.
python3 - "$people" "$tmp/many.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
w = csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\n")
w.writerow(rows[0])
idc = rows[0].index("id")
for k in range(100):
    for r in rows[1:]:
        r = list(r)
        r[idc] = "%s-%d" % (r[idc], k)
        w.writerow(r)
PY
"$yibao" batch --as-of "$asof" <"$tmp/many.csv" >"$tmp/one.csv" 2>/dev/null
"$yibao" batch --as-of "$asof" --format jsonl <"$tmp/many.csv" >"$tmp/one.jsonl" 2>/dev/null
if command -v parallel >/dev/null; then
	# the README's commands: --header 1 gives every chunk the header; each process prints rows only,
	# and the output header comes once from a run on no input
	{
		"$yibao" batch </dev/null 2>/dev/null
		parallel --pipe --header 1 --block 20k -j 4 -k "$yibao" batch --as-of "$asof" --no-header <"$tmp/many.csv" 2>/dev/null
	} >"$tmp/par.csv"
	cmp -s "$tmp/one.csv" "$tmp/par.csv" && [ "$(wc -l <"$tmp/par.csv")" -eq 5301 ]
	check "parallel --pipe --header 1 -k: the same CSV as one process" $?
	parallel --pipe --header 1 --block 20k -j 4 -k "$yibao" batch --as-of "$asof" --format jsonl \
		<"$tmp/many.csv" >"$tmp/par.jsonl" 2>/dev/null
	cmp -s "$tmp/one.jsonl" "$tmp/par.jsonl"
	check "parallel --pipe --header 1 -k: the same JSON lines as one process" $?
	parallel --pipe --header 1 --block 20k -j 2 -k -S 2/: "$yibao" batch --as-of "$asof" --format jsonl \
		<"$tmp/many.csv" >"$tmp/par-s.jsonl" 2>/dev/null
	cmp -s "$tmp/one.jsonl" "$tmp/par-s.jsonl"
	check "parallel --pipe --sshlogin (the local host as :)" $?
	# over real ssh: a private sshd on 127.0.0.1 (as root) is the remote host
	if start_sshd; then
		{
			"$yibao" batch </dev/null 2>/dev/null
			parallel --pipe --header 1 --block 20k -k --sshlogin "2/$ssh_login,1/:" \
				"$yibao" batch --as-of "$asof" --no-header <"$tmp/many.csv" 2>/dev/null
		} >"$tmp/par-ssh.csv"
		cmp -s "$tmp/one.csv" "$tmp/par-ssh.csv" && grep -q 'Accepted publickey' "$tmp/sshd/log"
		check "parallel --pipe --sshlogin over ssh: the same CSV as one process" $?
	else
		skipped "parallel --pipe over ssh" "$ssh_why"
	fi
	# a line break inside a quoted cell: --csv keeps records whole
	python3 - "$tmp/many.csv" "$tmp/nl.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
w = csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\n")
for i, r in enumerate(rows):
    if i > 0 and i % 3 == 0:
        r[rows[0].index("id")] += "\nsecond line"
    w.writerow(r)
PY
	"$yibao" batch --as-of "$asof" <"$tmp/nl.csv" >"$tmp/nl-one.csv" 2>/dev/null
	if perl -MText::CSV -e 1 2>/dev/null; then
		{
			"$yibao" batch </dev/null 2>/dev/null
			parallel --pipe --csv --header 1 --block 20k -j 4 -k "$yibao" batch --as-of "$asof" --no-header \
				<"$tmp/nl.csv" 2>/dev/null
		} >"$tmp/nl-par.csv"
		cmp -s "$tmp/nl-one.csv" "$tmp/nl-par.csv"
		check "parallel --pipe --csv: line breaks inside cells" $?
	else
		skipped "parallel --pipe --csv" "perl's Text::CSV (libtext-csv-perl) not installed"
	fi
else
	skipped "GNU parallel --pipe" "parallel not installed"
fi
# Hadoop Streaming and Spark's RDD.pipe hand each process some lines of the file, the header only to
# the first: --columns names the columns, the first process skips the header as a repeated one.
mkdir "$tmp/split"
(cd "$tmp/split" && split -l 777 "$tmp/many.csv" part-)
for f in "$tmp/split"/part-*; do
	"$yibao" batch --as-of "$asof" --no-header --columns "$(head -n 1 "$tmp/many.csv")" <"$f" 2>/dev/null
done >"$tmp/split.csv"
sed 1d "$tmp/one.csv" | cmp -s - "$tmp/split.csv"
check "splits without a header (Hadoop Streaming, Spark RDD.pipe): the same rows" $?

if [ "$skip" -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
	[ "$fail" -eq 0 ] && exit 77
	exit 1
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
