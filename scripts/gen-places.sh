#!/bin/sh
# gen-places.sh - derives analysis/data/places-iso.txt from Debian's
# iso-codes (/usr/share/iso-codes/json, LGPL-2.1+ data): country names
# (ISO 3166-1 name, common and official names, and former countries of
# ISO 3166-3) and the names of first-level subdivisions of the larger kinds
# (states, provinces, regions, prefectures, counties ...). Hand-kept cities,
# continents and regions are in places.txt.
# Usage: scripts/gen-places.sh [ISO_CODES_JSON_DIR]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-/usr/share/iso-codes/json}
python3 - "$dir" > "$root/analysis/data/places-iso.txt" <<'PY'
import json, re, sys
d = sys.argv[1]
kinds = {"State", "Province", "Region", "Prefecture", "Land", "Autonomous community",
         "Autonomous region", "Canton", "County", "Governorate", "Republic", "City",
         "Metropolitan city", "Emirate", "Territory", "Country", "Nation",
         "Autonomous province", "Federal district", "Special administrative region",
         "Capital district", "Capital city", "Capital territory", "Special city",
         "Metropolitan region", "Administrative region"}
names = set()
def add(n):
    n = n.strip()
    # "Korea, Republic of" -> keep the part before the comma too
    if "," in n:
        names.add(n.split(",")[0].strip())
    n = re.sub(r"\s*\(.*?\)", "", n)
    if n and "," not in n and len(n) < 60:
        names.add(n)
for c in json.load(open(d + "/iso_3166-1.json"))["3166-1"]:
    for k in ("name", "common_name", "official_name"):
        if k in c:
            add(c[k])
for c in json.load(open(d + "/iso_3166-3.json"))["3166-3"]:
    add(c["name"])
for s in json.load(open(d + "/iso_3166-2.json"))["3166-2"]:
    if s["type"] in kinds:
        add(s["name"])
print("# Country and subdivision names from Debian iso-codes (%s); scripts/gen-places.sh." % d)
for n in sorted(names):
    print(n)
PY
wc -l "$root/analysis/data/places-iso.txt" >&2
