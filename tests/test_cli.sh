#!/bin/sh
# test_cli.sh -- the yibao command line end to end: exit statuses, messages in both languages,
# the JSON contract, --policy-dir overrides and policy check.
# usage: test_cli.sh YIBAO SOURCE_DIR
set -u
yibao=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

check() { # name, condition result
	if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}

run() { # expected status, output file, args...
	want=$1 out=$2
	shift 2
	"$yibao" "$@" >"$out" 2>&1
	rc=$?
	[ "$rc" -eq "$want" ] || { echo "  yibao $*: exit $rc, want $want"; cat "$out" | head -5; return 1; }
}

answers=$src/tests/data/shanghai-rider.ini

# advice given: text in both languages, JSON
run 0 "$tmp/en" advise --answers "$answers" --as-of 2025-06-01 --lang en
check "text report in English" $?
grep -q "Option 1: Employee scheme, Shanghai" "$tmp/en"
check "English report names the options" $?
run 0 "$tmp/zh" advise --answers "$answers" --as-of 2025-06-01 --lang zh
check "text report in Chinese" $?
grep -q "方案1：职工医保 上海" "$tmp/zh" && grep -q "建议：" "$tmp/zh"
check "Chinese report names the options and the recommendation" $?
LC_ALL=zh_CN.UTF-8 "$yibao" advise --answers "$answers" --as-of 2025-06-01 >"$tmp/zh2" 2>&1
cmp -s "$tmp/zh" "$tmp/zh2"
check "the locale chooses Chinese" $?
"$yibao" --lang zh advise --answers "$answers" --as-of 2025-06-01 >"$tmp/zh3" 2>&1
cmp -s "$tmp/zh" "$tmp/zh3"
check "--lang before the subcommand" $?

run 0 "$tmp/json" advise --answers "$answers" --as-of 2025-06-01 --format json --schema 1
check "JSON advice" $?
python3 - "$tmp/json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "yibao.advice/1", d["schema"]
assert d["as_of"] == "2025-06-01"
assert len(d["options"]) == 3
assert [o["scheme"] for o in d["options"]] == ["employee", "resident", "resident"]
assert [o["region"] for o in d["options"]] == ["310000", "310000", "510100"]
for o in d["options"]:
    for k in ("eligible", "blockers", "cost", "benefits", "waiting_months", "retirement", "caveats"):
        assert k in o, k
    for k in ("monthly_yuan", "annual_yuan", "share_of_income", "pension_monthly_yuan"):
        assert k in o["cost"], k
    for item in o["blockers"] + o["caveats"]:
        assert item["id"] and item["source"], item
assert d["options"][2]["cost"]["annual_yuan"] == 400.0
# 10% of Shanghai's 2024 floor of 7384, twelve months
assert d["options"][0]["cost"]["annual_yuan"] == 8860.8, d["options"][0]["cost"]
assert d["options"][0]["cost"]["form"] == "rate_times_base"
assert d["options"][0]["waiting_months"] is None or d["options"][0]["waiting_months"] >= 0
# additions of this version: the document apart from where it was read, the label
for o in d["options"]:
    c = o["cost"]
    assert c["document"] and "http" not in c["document"] and ".com/" not in c["document"], c["document"]
    assert "read_at" in c and c["confidence"] in ("verified", "secondary", "unverified", "derived"), c
    assert c["from_region"] in ("own", "province", "national"), c
    for item in o["blockers"] + o["caveats"]:
        assert item["confidence"] in ("verified", "secondary", "unverified", "derived"), item
assert d["options"][1]["cost"]["from_region"] == "national" and d["options"][1]["cost"]["is_national_minimum"]
unknown = [i for i in d["options"][1]["caveats"] if i["id"] == "unknown_value"]
assert unknown and all(i["values"]["field"] for i in unknown)   # unknown is named, never 0
rec = d["recommended"]
assert rec is None or d["options"][rec]["eligible"] is True
for r in d["reasons"]:
    assert r["id"] and r["source"], r
PY
check "JSON follows the yibao.advice/1 contract" $?

# yibao.advice/2, the default: the summary first, cells with marks, next steps, every document once
run 0 "$tmp/json2" advise --answers "$answers" --as-of 2025-06-01 --format json
check "JSON advice/2" $?
python3 - "$tmp/json2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "yibao.advice/2", d["schema"]
assert list(d)[:3] == ["schema", "as_of", "summary"], list(d)
s = d["summary"]
assert s["recommended"] == d["recommended"] == 2, s
assert s["total_monthly_yuan"] == 33.33 and s["next_step"] == "pay_resident", s
assert [o["option"] for o in s["others"]] == [0, 1]
emp = d["options"][0]["cost"]
assert emp["monthly_yuan"] == 738.4 and emp["pension_monthly_yuan"] == 1476.8, emp
# the employee scheme with its pension in the summary's other line
assert s["others"][0]["total_monthly_yuan"] == 2215.2, s["others"][0]
docs = [x["document"] for x in d["sources"]]
assert len(docs) == len(set((x["document"], x["checked"], x["confidence"], x.get("formula")) for x in d["sources"]))
n = len(d["sources"])
def refs(x):
    if isinstance(x, dict):
        if "src" in x:
            yield x["src"]
        for v in x.values():
            yield from refs(v)
    elif isinstance(x, list):
        for v in x:
            yield from refs(v)
used = set(refs(d["options"])) | set(refs(d["reasons"]))
assert used == set(range(n)), (used, n)           # every source used, every reference listed
assert any("read_at" in x for x in d["sources"])   # advise gives provenance where it is known
for o in d["options"]:
    assert o["next_steps"][0]["id"] in ("apply_employee", "pay_resident")
    assert o["benefits"]["hospital_stay"]["bill_yuan"] == 10000.0
    for it in o["caveats"] + o["blockers"]:
        assert isinstance(it["src"], int), it
assert "national_minimum" in d["options"][1]["cost"]["marks"], d["options"][1]["cost"]
for o in d["options"]:
    assert isinstance(o["detail"], dict), o
PY
check "JSON follows the yibao.advice/2 contract" $?

# what only the detail tells, as data: 武汉 today, a hukou in 荆州, 1 of 3 years paid in 武汉
sed -e 's/^work_city = .*/work_city = 420100/' -e 's/^hukou_city = .*/hukou_city = 421000/' "$answers" >"$tmp/wh.ini"
run 0 "$tmp/wh" advise --answers "$tmp/wh.ini" --as-of 2026-12-03 --format json
python3 - "$tmp/wh" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
emp, res = d["options"][0]["detail"], d["options"][1]["detail"]
# 武汉: 30/25 years, of which 10 actually paid, 10 in 武汉 itself (an unverified page)
assert emp["years_local_min"]["years"] == 10 and emp["years_actual_min"]["years"] == 10, emp
assert "unverified" in emp["years_local_min"]["marks"], emp
assert emp["addons"]["annual_yuan"] > 0 and emp["addons"]["name"], emp
assert "subsidy" not in emp and "years_local_min" not in res, (emp, res)
# no subsidy of 武汉's own: the nation's, so marked
assert res["subsidy"]["annual_yuan"] > 0 and "national" in res["subsidy"]["marks"], res
for x in list(emp.values()) + list(res.values()):
    assert d["sources"][x["src"]]["document"], x
PY
check "JSON: each option's detail (subsidy, add-ons, years paid here), marked and cited" $?

# the tiers side by side: a hukou in 青岛, whose resident scheme has two adult tiers
sed -e 's/^hukou_city = .*/hukou_city = 370200/' "$answers" >"$tmp/qd.ini"
run 0 "$tmp/qd" advise --answers "$tmp/qd.ini" --as-of 2026-12-02 --format json
python3 - "$tmp/qd" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
o = [o for o in d["options"] if o["region"] == "370200"][0]
t = o["detail"]["tiers"]
assert [x["annual_yuan"] for x in t] == [482.0, 415.0], t
assert o["cost"]["tier"] == t[0]["name"] and o["cost"]["annual_yuan"] == t[0]["annual_yuan"], (o["cost"], t)
assert all(x["name_en"] for x in t), t
PY
check "JSON: a city's tiers, each with its yearly cost, the costed one first by default" $?

# the what-if on the command line, as the wizard's F6 and F3 give it: 青岛's second resident tier
# is costed; 上海's resident scheme has no tiers, and says so rather than costing another in silence
run 0 "$tmp/qd2" advise --answers "$tmp/qd.ini" --as-of 2026-12-02 --format json --resident-tier 2
python3 - "$tmp/qd" "$tmp/qd2" <<'PY'
import json, sys
d0, d = (json.load(open(f)) for f in sys.argv[1:])
by = lambda d, s, r: [o for o in d["options"] if o["scheme"] == s and o["region"] == r][0]
o = by(d, "resident", "370200")
t = o["detail"]["tiers"]
assert o["cost"]["tier"] == t[1]["name"] == "成年居民二档" and o["cost"]["annual_yuan"] == 415.0, o["cost"]
assert t == by(d0, "resident", "370200")["detail"]["tiers"], t  # the tiers side by side do not move
sh = by(d, "resident", "310000")
c = [c for c in sh["caveats"] if c["id"] == "tier_not_offered"]
assert c and c[0]["values"] == {"asked_tier": 2, "tiers": 0} and d["sources"][c[0]["src"]], sh["caveats"]
assert sh["cost"] == by(d0, "resident", "310000")["cost"], sh["cost"]
# the employee scheme was not asked for a tier: nothing said of one
assert not [c for c in by(d, "employee", "310000")["caveats"] if c["id"] == "tier_not_offered"]
PY
check "--resident-tier: the tier costed, and a city without tiers says it has none" $?
run 0 "$tmp/qd3" advise --answers "$tmp/qd.ini" --as-of 2026-12-02 --resident-tier 3 --lang en
tr -s '\n ' '  ' <"$tmp/qd3" >"$tmp/qd3.flat" # the report wraps at 80 columns
grep -q "You asked for tier 3, but the cost in Qingdao has only 2 tiers: it is costed at its default tier" \
	"$tmp/qd3.flat" &&
	grep -q "You asked for tier 3, but the cost in Shanghai has no tiers: it is costed at its one rate" "$tmp/qd3.flat"
check "--resident-tier beyond a city's tiers: said in English, for each city" $?
run 0 "$tmp/qd3z" advise --answers "$tmp/qd.ini" --as-of 2026-12-02 --resident-tier 3 --lang zh
grep -q "您选择了第3档，但青岛的缴费只有2档：按默认档次计算" "$tmp/qd3z" &&
	grep -q "您选择了第3档，但上海的缴费不分档：按统一标准计算" "$tmp/qd3z"
check "--resident-tier beyond a city's tiers: said in Chinese" $?
# 淄博 (山东's 7% and 9% employee tiers): the second tier costs more; a typed base is the person's
sed -e 's/^work_city = .*/work_city = 370300/' -e 's/^hukou_city = .*/hukou_city = 370300/' \
	-e '/^residence_permit/d' "$answers" >"$tmp/zb.ini"
run 0 "$tmp/zb1" advise --answers "$tmp/zb.ini" --as-of 2026-12-02 --format json
run 0 "$tmp/zb2" advise --answers "$tmp/zb.ini" --as-of 2026-12-02 --format json --employee-tier 2 --base 9000
python3 - "$tmp/zb1" "$tmp/zb2" <<'PY'
import json, sys
a, b = (json.load(open(f))["options"][0] for f in sys.argv[1:])
assert a["cost"]["tier"].startswith("7%") and b["cost"]["tier"].startswith("9%"), (a["cost"], b["cost"])
assert b["cost"]["matched"]["base_yuan"] == 9000.0, b["cost"]
# the tiers side by side are costed at the typed base too, the chosen one among them
names = lambda o: [t["name"] for t in o["detail"]["tiers"]]
assert names(a) == names(b), (a["detail"], b["detail"])
assert b["detail"]["tiers"][1]["annual_yuan"] == b["cost"]["matched"]["annual_yuan"] == 9720.0, b
assert b["cost"]["matched"]["annual_yuan"] > a["detail"]["tiers"][1]["annual_yuan"], (a, b)
PY
check "--employee-tier 2 --base 9000: 淄博's 9% tier at the typed base" $?
run 0 "$tmp/zb3" advise --answers "$tmp/zb.ini" --as-of 2026-12-02 --base 9000 --lang en
grep -q "Cost at the base you chose (¥9,000.00 a month)" "$tmp/zb3" && ! grep -q "matched to your income" "$tmp/zb3"
check "--base 9000: the report says the base is the person's, not matched to income" $?
run 0 "$tmp/zb4" advise --answers "$tmp/zb.ini" --as-of 2026-12-02 --base 9000 --lang zh
grep -q "按您选择的缴费基数（每月¥9,000.00）" "$tmp/zb4"
check "--base 9000 in Chinese" $?
run 0 "$tmp/zb5" advise --answers "$tmp/zb.ini" --as-of 2026-12-02 --base lowest --format json
python3 - "$tmp/zb1" "$tmp/zb5" <<'PY'
import json, sys
a, c = (json.load(open(f))["options"][0]["cost"] for f in sys.argv[1:])
assert c["matched"]["base_yuan"] == c["base_yuan"] == 4504.0, c
assert c["matched"]["annual_yuan"] == c["annual_yuan"] == a["annual_yuan"], (a, c)
assert a["matched"]["base_yuan"] > a["base_yuan"], a  # without it: matched to the income
PY
check "--base lowest: the matched cost is the lowest" $?
for bad in 6000x +6000 1e3 0 -5 100000001 low; do
	run 2 "$tmp/bb" advise --answers "$tmp/zb.ini" --base "$bad" --lang en &&
		grep -q "\"$bad\" is not a base: use --base income, --base lowest" "$tmp/bb" || { echo "  --base $bad"; false; }
	check "--base $bad is refused, and named" $?
done
run 2 "$tmp/bbz" advise --answers "$tmp/zb.ini" --base 6000x --lang zh
grep -q "「6000x」不是有效的缴费基数" "$tmp/bbz"
check "a bad --base in Chinese" $?
for bad in 0 5 x 1.5; do
	run 2 "$tmp/bt" advise --answers "$tmp/zb.ini" --employee-tier "$bad" --lang en &&
		grep -q "\"$bad\" is not a tier" "$tmp/bt" || { echo "  --employee-tier $bad"; false; }
	check "--employee-tier $bad is refused, and named" $?
done
run 2 "$tmp/btz" receipt --answers "$tmp/zb.ini" --resident-tier 9 --lang zh
grep -q "「9」不是有效的档次" "$tmp/btz"
check "receipt: a bad --resident-tier in Chinese" $?
run 0 "$tmp/rc" receipt --answers "$tmp/qd.ini" --as-of 2026-12-02 --resident-tier 2 --lang zh
grep -q "415" "$tmp/rc"
check "receipt --resident-tier 2: 青岛's second tier costed" $?
run 2 "$tmp/sch" advise --answers "$answers" --format json --schema 3
grep -q '"3" is not a schema' "$tmp/sch"
check "a bad --schema is named" $?

# the as-of date: the answers file's, overridden by --as-of
sed 's/^gap_months = 0$/gap_months = 0\nas_of = 2019-06-01/' "$answers" >"$tmp/dated.ini"
run 0 "$tmp/dated" advise --answers "$tmp/dated.ini" --format json
check "as_of from the answers file" $?
grep -q '"as_of": "2019-06-01"' "$tmp/dated" && grep -q '"hukou_required"' "$tmp/dated"
check "2019: Shanghai closed to a non-local hukou" $?

# bad usage and bad answers: status 2, the key named, in the user's language
run 2 "$tmp/u" advise
check "missing --answers" $?
run 2 "$tmp/u" advise --answers "$answers" --format xml
check "bad --format" $?
run 2 "$tmp/u" advise --answers "$answers" --as-of 2025-02-30
check "bad --as-of" $?
run 2 "$tmp/u" advise --answers "$tmp/missing.ini"
check "unreadable answers file" $?
run 2 "$tmp/u" frobnicate
check "unknown command" $?
grep -q "policy documents or help" "$tmp/u"
check "the unknown command's message names every command" $?
# options with no command are the wizard's, as the usage puts them: yibao --as-of DATE
printf '2\nq\n' | "$yibao" --lang en --as-of 2026-12-04 --plain >"$tmp/wz" 2>&1
grep -q "In which city do you work" "$tmp/wz" && ! grep -q "unknown command" "$tmp/wz"
check "yibao --as-of DATE --plain starts the wizard" $?
run 2 "$tmp/u" --lang en --bogus
grep -q 'unknown option "--bogus"' "$tmp/u"
check "an unknown option with no command: the wizard's usage error" $?
run 2 "$tmp/u" --lang fr advise --answers "$answers"
check "bad --lang" $?
printf '[answers]\nwork_city = 310000\nhukou_city = 310000\nbirth = 1990-01\nsex = male\nwork = flexible\nmonthly_income = -5\n' >"$tmp/neg.ini"
run 2 "$tmp/neg" advise --answers "$tmp/neg.ini" --lang en
check "negative income refused" $?
grep -q 'neg.ini:7: .*monthly_income.*0 to 10,000,000' "$tmp/neg"
check "English message names file, line, key and range" $?
run 2 "$tmp/negz" advise --answers "$tmp/neg.ini" --lang zh
grep -q 'neg.ini:7: .*monthly_income.*0至10,000,000' "$tmp/negz"
check "Chinese message names file, line, key and range" $?
printf '[answers]\nwork_city = 310000\nhukou_city = 510100\nbirth = 1990-01\nsex = male\nwork = flexible\nmonthly_income = 5000\n' >"$tmp/np.ini"
run 2 "$tmp/np" advise --answers "$tmp/np.ini" --lang en
check "residence_permit required when the cities differ" $?
grep -q 'residence_permit' "$tmp/np"
check "the missing key is named" $?

# policy data: check, overrides, errors with file:line and status 3
run 0 "$tmp/pc" policy check
check "built-in policy data passes" $?
grep -qE "[0-9]+ regions" "$tmp/pc"
check "policy check summary counts regions" $?
mkdir "$tmp/pd"
sed 's/rate: 10%/rate: 12%/' "$src/tests/data/policy/310000-shanghai.yaml" >"$tmp/pd/310000-shanghai.yaml"
run 0 "$tmp/ov" advise --answers "$answers" --as-of 2025-06-01 --format json --policy-dir "$tmp/pd"
check "advise with --policy-dir" $?
grep -q '"monthly_yuan": 840.0' "$tmp/ov"
check "--policy-dir replaces the built-in city (7000 x 12%)" $?
sed 's/rate: 10%/rate: 40%/' "$src/tests/data/policy/310000-shanghai.yaml" >"$tmp/pd/310000-shanghai.yaml"
run 3 "$tmp/pbad" policy check "$tmp/pd"
check "out-of-range rate fails policy check" $?
grep -qE '^310000-shanghai.yaml:[0-9]+: .*rate' "$tmp/pbad"
check "policy error as file:line" $?
run 3 "$tmp/pbad2" advise --answers "$answers" --policy-dir "$tmp/pd"
check "advise refuses bad policy data" $?
run 3 "$tmp/pbad3" policy check "$tmp/nonexistent"
check "missing policy directory" $?

# policy show: a county name finds its prefecture, which falls back on its province
run 0 "$tmp/show" --lang zh policy show 郸城 --as-of 2026-12-02
check "policy show 郸城" $?
grep -q "郸城县 → 周口市" "$tmp/show" && grep -q "410000-henan.yaml" "$tmp/show" && grep -q "个人年缴费：¥400.00" "$tmp/show"
check "policy show: the alias, the province file, the national minimum" $?
# the tiers shown are those of the section the values come from: 济南's own last known 9% and 5%,
# not 山东's current 7% and 9%
run 0 "$tmp/jn" --lang en policy show 370100 --as-of 2026-12-02
grep -q "^  tier 9%, with personal account (costed)" "$tmp/jn" && grep -q "^  tier 5%, no personal account$" "$tmp/jn" &&
	! grep -q "^  tier 7%" "$tmp/jn"
check "policy show 济南: its own tiers, the costed one marked" $?
run 0 "$tmp/show2" --lang en policy show 411625 --as-of 2026-12-02
grep -q "Zhoukou" "$tmp/show2" && grep -q "    read at: " "$tmp/show2" &&
	! grep -E '^  [^ ].*《' "$tmp/show2" | grep -qE '(https?:|\.s?html?|\.cn/|\.com/)'

check "policy show by county code, in English, with provenance apart from the document" $?
run 0 "$tmp/show3" --lang en policy show beijing --as-of 2025-08-01
grep -q "fixed monthly amount: ¥584.92" "$tmp/show3"
check "policy show beijing: the fixed 584.92 of 2025" $?
run 2 "$tmp/show4" --lang en policy show nowhere-at-all
grep -q '"nowhere-at-all" is not a place' "$tmp/show4"
check "policy show: an unknown place is named" $?
run 2 "$tmp/show5" --lang zh policy show
grep -q "请指明地区" "$tmp/show5"
check "policy show without a place" $?
# policy check: the coverage table of the 36 cities
grep -q "Coverage today for the 36 cities" "$tmp/pc" && grep -qE "^[0-9]+ of 36 cities show a monthly cost" "$tmp/pc"
check "policy check prints the coverage of the 36 cities" $?

# adding a city is adding one file: search, advice and policy check find it
mkdir "$tmp/new"
cat >"$tmp/new/411600-zhoukou.yaml" <<'YAML'
region: 411600
documents:
  t: {issuer: 周口市医疗保障局, title: 测试用数据（非真实政策）, date: 2026-01-01}
sections:
  - kind: resident
    from: 2026-01-01
    until: 2026-12-31
    checked: 2026-12-02
    confidence: verified
    sources: [t]
    values: {premium: 380}
YAML
run 0 "$tmp/new-pc" --lang en policy check "$tmp/new"
grep -qE "^411600 +Zhoukou +411600-zhoukou.yaml" "$tmp/new-pc"
check "a new city file: policy check lists it" $?
run 0 "$tmp/new-show" --lang en policy show zhoukou --policy-dir "$tmp/new" --as-of 2026-06-01
grep -q "its own file: 411600-zhoukou.yaml" "$tmp/new-show" && grep -q "individual yearly premium: ¥380.00" "$tmp/new-show"
check "a new city file: found by name, with its own figure" $?
printf '[answers]\nwork_city = 411600\nhukou_city = 411600\nbirth = 1990-01\nsex = male\nwork = flexible\nmonthly_income = 6000\n' >"$tmp/zk.ini"
run 0 "$tmp/new-adv" advise --answers "$tmp/zk.ini" --as-of 2026-06-01 --format json --schema 1 --policy-dir "$tmp/new"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
c = d["options"][1]["cost"]
assert c["annual_yuan"] == 380.0 and c["from_region"] == "own", c
' "$tmp/new-adv"
check "a new city file: the advice uses it" $?
run 0 "$tmp/old-adv" advise --answers "$tmp/zk.ini" --as-of 2026-06-01 --format json --schema 1
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
c = d["options"][1]["cost"]
assert c["annual_yuan"] == 400.0 and c["from_region"] == "national", c
assert any(i["id"] == "no_local_data" for i in d["options"][1]["caveats"])
' "$tmp/old-adv"
check "without it: the national minimum, and the advice says there is no local data" $?
# what is not a regular file is refused at once (a FIFO would block for ever), in both languages
mkfifo "$tmp/fifo"
mkdir "$tmp/nr"
cp "$src/core/policy/310000-shanghai.yaml" "$tmp/nr/" && mkfifo "$tmp/nr/320000-fifo.yaml"
for lang in en zh; do
	if [ $lang = zh ]; then word="不是普通文件"; else word="not a regular file"; fi
	for target in "$tmp/fifo" /dev/null "$tmp"; do
		timeout 5 "$yibao" --lang $lang advise --answers "$target" >"$tmp/nreg" 2>&1
		rc=$?
		[ $rc -eq 2 ] && grep -q "$word" "$tmp/nreg"; check "advise --answers $target refused at once ($lang, $rc)" $?
		timeout 5 "$yibao" --lang $lang receipt --answers "$target" >"$tmp/nreg" 2>&1
		[ $? -eq 2 ] && grep -q "$word" "$tmp/nreg"; check "receipt --answers $target refused at once ($lang)" $?
	done
	timeout 5 "$yibao" --lang $lang receipt --answers "$answers" --output "$tmp/fifo" --force >"$tmp/nreg" 2>&1
	[ $? -eq 4 ] && grep -q "$word" "$tmp/nreg" && [ -p "$tmp/fifo" ]; check "a FIFO as the receipt's target refused ($lang)" $?
	timeout 5 "$yibao" --lang $lang receipt --answers "$answers" --output "$tmp" >"$tmp/nreg" 2>&1
	[ $? -eq 4 ]; check "a directory as the receipt's target refused ($lang)" $?
	timeout 5 "$yibao" --lang $lang policy check "$tmp/nr" >"$tmp/nreg" 2>&1
	[ $? -eq 3 ] && grep -q "320000-fifo.yaml.*$word" "$tmp/nreg"; check "a FIFO in --policy-dir refused at once ($lang)" $?
done

# integer options: checked in full, never cut to an int (4294967328 is 2^32 + 32), in both languages
for lang in en zh; do
	if [ $lang = zh ]; then width="请使用 32、42 或 48" pwidth="不是小票宽度" secs="秒数"
	else width="use 32, 42 or 48" pwidth="is not a receipt width" secs="number of seconds from 10 to 86400"; fi
	for v in 4294967328 4294967338 -32 18446744073709551648 32x 0x20 +32 " 32" 1e3 ""; do
		run 2 "$tmp/int" --lang $lang receipt --answers "$answers" --width "$v"
		r=$?
		[ $r -eq 0 ] && { [ -z "$v" ] || grep -qF -- "$v" "$tmp/int"; } && grep -qE "$width|needs a value|缺少值" "$tmp/int"
		check "receipt --width '$v' refused ($lang)" $(( r + $? ))
		run 2 "$tmp/int" --lang $lang wizard --print-width "$v"
		r=$?
		[ $r -eq 0 ] && { [ -z "$v" ] || grep -qF "$pwidth" "$tmp/int"; }
		check "wizard --print-width '$v' refused ($lang)" $(( r + $? ))
	done
	for v in 4294967306 4294967416 9 86401 -120 0x10 1e3 +60 ""; do
		run 2 "$tmp/int" --lang $lang wizard --kiosk --staff-key 1 --idle "$v"
		r=$?
		[ $r -eq 0 ] && { [ -z "$v" ] || { grep -qF -- "$v" "$tmp/int" && grep -qF "$secs" "$tmp/int"; }; }
		check "wizard --idle '$v' refused ($lang)" $(( r + $? ))
	done
	# the bounds are taken: what stops the wizard then is that there is no terminal
	for v in 10 86400; do
		run 2 "$tmp/int" --lang $lang wizard --idle $v </dev/null
		r=$?
		[ $r -eq 0 ] && ! grep -qF "$secs" "$tmp/int"
		check "wizard --idle $v taken ($lang)" $(( r + $? ))
	done
	run 0 "$tmp/int" --lang $lang receipt --answers "$answers" --width 48 --as-of 2025-06-01
	check "receipt --width 48 taken ($lang)" $?
	run 2 "$tmp/int" --lang $lang policy show --as-of
	grep -qE 'needs a value|缺少值' "$tmp/int"
	check "policy show --as-of without a value is named ($lang)" $?
done

# before the language is known, both; a locale that is not installed is named as such
LANG=xx_YY.UTF-8 LC_ALL=xx_YY.UTF-8 "$yibao" advise --answers "$answers" --as-of 2025-06-01 >/dev/null 2>"$tmp/loc"
grep -q 'locale "xx_YY.UTF-8" is not installed' "$tmp/loc" && grep -q "没有安装区域设置「xx_YY.UTF-8」" "$tmp/loc"
check "a missing locale is named, in both languages" $?
"$yibao" wizard </dev/null >"$tmp/nt" 2>&1
[ $? -eq 2 ] && grep -q "needs a terminal" "$tmp/nt" && grep -q "需要在终端中运行" "$tmp/nt"
check "not a terminal, before a language is chosen: both languages" $?
"$yibao" --lang en wizard </dev/null >"$tmp/nt" 2>&1
grep -q "needs a terminal" "$tmp/nt" && ! grep -q "需要在终端中运行" "$tmp/nt"
check "with --lang, that language only" $?

# yibao help: every step topic listed and shown, in both languages; an unknown topic is a usage error
"$yibao" --lang en help >"$tmp/hl" && grep -q "step-transfer: Next step" "$tmp/hl" &&
	"$yibao" --lang zh help step-bring >"$tmp/hz" && head -1 "$tmp/hz" | grep -q "下一步：要带什么材料"
check "yibao help lists the topics and shows one, in both languages" $?
"$yibao" --lang en help no-such-topic >/dev/null 2>"$tmp/he"
[ $? -eq 2 ] && grep -q '"no-such-topic" is not a help topic' "$tmp/he"
check "an unknown help topic: usage error, named" $?
# the report lists each option's next steps with their help topics
"$yibao" --lang en advise --answers "$answers" --as-of 2026-12-02 >"$tmp/ns" &&
	grep -q "^  Next steps:" "$tmp/ns" && grep -q "yibao help step-apply" "$tmp/ns"
check "the report gives next steps with their help topics" $?

"$yibao" --lang en advise --answers "$answers" --as-of 2026-12-02 | tr -s '\n ' '  ' |
	grep -q "判断标准（非政策规定）》 (checked 2026-12-02; yibao's own line, not a legal rule)"
check "the project's own document is called so in the notes, not verified" $?

fits80() { # file: no line wider than 80 columns (CJK counting two)
	python3 -c 'import sys, unicodedata as u
bad = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines()
       if sum(2 if u.east_asian_width(ch) in "WF" else 1 for ch in l) > 80]
for l in bad:
	print("  over 80 columns: " + l)
sys.exit(1 if bad else 0)' "$1"
}

# every command's --help names each of its options (read from the option tables, the what-if rows
# of cmd.h included), in both languages, in at most 80 columns
for c in advise batch receipt wizard; do
	names=$({
		sed -n '/options\[\] = {/,/^};/p' "$src/tui/cmd_$c.c"
		grep -q CMD_WHATIF_OPTIONS "$src/tui/cmd_$c.c" && sed -n '/define CMD_WHATIF_OPTIONS/,/^$/p' "$src/tui/cmd.h"
	} | grep -o '\.name = "[a-z-]*"' | sed 's/.*"\(.*\)"/\1/')
	[ -n "$names" ]
	check "$c: its options are found in the source" $?
	for l in en zh; do
		"$yibao" --lang $l $c --help >"$tmp/help-$c-$l" 2>&1
		missing=""
		for n in $names; do grep -q -- "--$n\b" "$tmp/help-$c-$l" || missing="$missing --$n"; done
		[ -z "$missing" ] || echo "  yibao --lang $l $c --help does not name$missing"
		[ -z "$missing" ]
		check "$c --help ($l) names every option" $?
		fits80 "$tmp/help-$c-$l"
		check "$c --help ($l) fits 80 columns" $?
	done
done
for l in en zh; do
	"$yibao" --lang $l --help >"$tmp/help-$l" 2>&1 && grep -q "yibao policy documents" "$tmp/help-$l" &&
		fits80 "$tmp/help-$l"
	check "yibao --help ($l) lists every command in 80 columns" $?
done

# a GB18030 (or GBK) locale gets its text in that set: the usage, the report, help topics and the
# messages on stderr; JSON stays UTF-8
for c in "--help" "advise --answers $answers --as-of 2026-12-02" "help step-permit" "policy show 310000 --as-of 2026-12-02"; do
	# shellcheck disable=SC2086
	LC_ALL=zh_CN.GB18030 "$yibao" $c >"$tmp/gb" 2>&1 && iconv -f GB18030 -t UTF-8 "$tmp/gb" >"$tmp/gb.u8" &&
		LC_ALL=zh_CN.UTF-8 "$yibao" $c >"$tmp/u8" 2>&1 && cmp -s "$tmp/gb.u8" "$tmp/u8" && ! cmp -s "$tmp/gb" "$tmp/u8"
	check "yibao $c in a GB18030 locale: the same text in GB18030" $?
done
LC_ALL=zh_CN.GB18030 "$yibao" advise --answers "$answers" --as-of 2026-12-02 --format json >"$tmp/gbj" 2>&1 &&
	LC_ALL=zh_CN.UTF-8 "$yibao" advise --answers "$answers" --as-of 2026-12-02 --format json >"$tmp/u8j" 2>&1 &&
	cmp -s "$tmp/gbj" "$tmp/u8j"
check "JSON in a GB18030 locale: UTF-8, the same bytes" $?
LC_ALL=zh_CN.GB18030 "$yibao" frobnicate 2>"$tmp/gbe"
[ $? -eq 2 ] && iconv -f GB18030 -t UTF-8 "$tmp/gbe" | grep -q "未知命令「frobnicate」"
check "an error on stderr in a GB18030 locale: in GB18030" $?

# an answers file from a GB18030 or GBK editor: read in such a locale, named by line elsewhere
{ printf '; 上海的外卖骑手\n'; cat "$answers"; } >"$tmp/ans-u8.ini"
iconv -f UTF-8 -t GB18030 "$tmp/ans-u8.ini" >"$tmp/ans-gb.ini"
LC_ALL=zh_CN.GB18030 "$yibao" advise --answers "$tmp/ans-gb.ini" --as-of 2026-12-02 >"$tmp/gb" 2>&1 &&
	iconv -f GB18030 -t UTF-8 "$tmp/gb" | sed "s|$tmp/ans-gb.ini|F|" >"$tmp/gb.u8" &&
	LC_ALL=zh_CN.UTF-8 "$yibao" advise --answers "$tmp/ans-u8.ini" --as-of 2026-12-02 | sed "s|$tmp/ans-u8.ini|F|" >"$tmp/u8" &&
	cmp -s "$tmp/gb.u8" "$tmp/u8"
check "a GB18030 answers file in a GB18030 locale: the same advice" $?
LC_ALL=en_US.UTF-8 "$yibao" advise --answers "$tmp/ans-gb.ini" >"$tmp/u" 2>&1
[ $? -eq 2 ] && grep -q "ans-gb.ini:1: this line is not UTF-8 text: save the answers file as UTF-8" "$tmp/u"
check "a GB18030 answers file in a UTF-8 locale: the line named, status 2" $?
printf '[answers]\nwork_city = 310000\nhukou_city = \377\376\n' >"$tmp/bad.ini"
LC_ALL=zh_CN.GB18030 "$yibao" advise --answers "$tmp/bad.ini" 2>"$tmp/u"
[ $? -eq 2 ] && iconv -f GB18030 -t UTF-8 "$tmp/u" | grep -q "bad.ini:3：此行不是 UTF-8 文本，也不是 GB18030 文本"
check "bytes that are neither UTF-8 nor the locale's set: the line named, in the locale's set" $?
LC_ALL=zh_CN.GB18030 "$yibao" policy show "$(printf '上海' | iconv -f UTF-8 -t GB18030)" --as-of 2026-12-02 >"$tmp/gb" 2>&1 &&
	iconv -f GB18030 -t UTF-8 "$tmp/gb" | grep -q "^上海市（Shanghai，310000）"
check "policy show with a place typed at a GB18030 terminal" $?
for l in zh_CN.UTF-8 zh_CN.GB18030; do
	LC_ALL=$l "$yibao" advise --answers "$answers" >/dev/full 2>/dev/null
	[ $? -eq 4 ] && { LC_ALL=$l "$yibao" policy show 310000 >/dev/full 2>/dev/null; [ $? -eq 4 ]; }
	check "a full disk is an output error in $l (advise, policy show)" $?
done

# a word typed wrong is shown safe: an escape sequence as ^[, bytes that are not UTF-8 as U+FFFD
"$yibao" --lang en policy show "$(printf 'a\033[2Jb\377')" 2>"$tmp/u"
[ $? -eq 2 ] && ! grep -q "$(printf '\033')" "$tmp/u" && grep -q '"a^\[\[2Jb'"$(printf '\357\277\275')"'" is not a place' "$tmp/u"
check "a bad word in a usage error: escapes and bad bytes made visible" $?

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
