#!/usr/bin/env python3
# tests/bench/af_normalise_pandas.py — the baseline bench_ingest compares the hub's AF ingest with: what a
# förbund's IT staff would otherwise write with pandas to normalise AF's FINSAM snapshots into a SQLite file.
# SPDX-License-Identifier: Apache-2.0
#
# The same work as the hub's af-csv connector and normaliser, done the usual pandas way: read every
# af_finsam_*.csv (Windows-1252, ';'), check each personnummer (date, Luhn) and put the century on 10-digit ones,
# pseudonymise it with HMAC-SHA256, leave protected persons anonymous, map AF's codes with the hub's own mapping
# file, parse the dates and the decimal-comma Omfattning, drop the names, and write the ERS rows as
# ersattningsperioder and the INS rows as deltaganden to SQLite. Quarantined rows are counted, not written.
#   af_normalise_pandas.py AF_DIR MAPPING_JSON OUT_DB
import datetime
import glob
import hashlib
import hmac
import json
import os
import sqlite3
import sys

import pandas as pd

KEY = b"k" * 48  # bench_ingest's key file


def luhn_ok(ten):
    total = 0
    for i, ch in enumerate(ten[:9]):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10 == int(ten[9])


def normalise_pnr(raw, file_date):
    s = str(raw).strip()
    if len(s) in (10, 11) and (len(s) == 10 or s[6] in "-+"):
        sep = s[6] if len(s) == 11 else "-"
        digits = s.replace(sep, "") if len(s) == 11 else s
        yy = int(digits[:2]) if digits[:2].isdigit() else 0
        year = file_date.year - ((file_date.year - yy) % 100) - (100 if sep == "+" else 0)
        full = "%04d%s" % (year, digits[2:])
    elif len(s) == 13 and s[8] == "-":
        full = s[:8] + s[9:]
    elif len(s) == 12:
        full = s
    else:
        return None
    if not full.isdigit() or len(full) != 12:
        return None
    day = int(full[6:8])
    day = day - 60 if day > 60 else day  # samordningsnummer
    try:
        datetime.date(int(full[:4]), int(full[4:6]), day)
    except ValueError:
        return None
    return full if luhn_ok(full[2:]) else None


def pseudonym(pnr):
    return hmac.new(KEY, pnr.encode(), hashlib.sha256).hexdigest()


def main(af_dir, mapping_file, out_db):
    with open(mapping_file, encoding="utf-8") as f:
        tables = json.load(f)["tables"]
    frames = []
    for path in sorted(glob.glob(os.path.join(af_dir, "af_finsam_*.csv"))):
        frame = pd.read_csv(path, sep=";", encoding="cp1252", dtype=str, keep_default_na=False)
        stamp = os.path.basename(path).rsplit("_", 1)[1][:8]
        frame["file_date"] = datetime.date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
        frame["source"] = os.path.basename(path)
        frames.append(frame)
    rows = pd.concat(frames, ignore_index=True)
    rows = rows.drop(columns=["Fornamn", "Efternamn"])

    rows["pnr"] = rows.apply(lambda r: normalise_pnr(r["Personnummer"], r["file_date"]), axis=1)
    protected = rows["Skyddad"].str.upper().isin(["J", "JA", "1", "X"])
    rows["person_key"] = rows.apply(
        lambda r: None if r["pnr"] is None or protected[r.name] else pseudonym(r["pnr"]), axis=1)
    rows["kon"] = rows["Kon"].map(tables["kon"])
    rows["sokandestatus"] = rows["Sokandestatus"].map(tables["sokandestatus"])
    rows["ersattning"] = rows["Ersattning"].map(tables["ersattning"])
    rows["avslutskod"] = rows["Avslutskod"].map(tables["avslutskod"])
    for column in ["Ersattning_from", "Ersattning_tom", "Insats_start", "Insats_slut"]:
        rows[column] = pd.to_datetime(rows[column], format="%Y-%m-%d", errors="coerce").dt.strftime("%Y-%m-%d")
    rows["omfattning"] = pd.to_numeric(rows["Omfattning"].str.replace(",", "."), errors="coerce")
    rows = rows.drop(columns=["Personnummer", "pnr"])

    bad = rows["person_key"].isna() & ~protected
    ers = rows[(rows["Radtyp"] == "ERS") & ~bad & rows["ersattning"].notna() & rows["Ersattning_from"].notna()]
    ins = rows[(rows["Radtyp"] == "INS") & ~bad & rows["Insats_start"].notna()]
    quarantined = len(rows) - len(ers) - len(ins)

    with sqlite3.connect(out_db) as db:
        ers[["Rad_id", "source", "person_key", "kon", "ersattning", "Ersattning_from", "Ersattning_tom",
             "omfattning", "sokandestatus"]].to_sql("ersattningsperiod", db, if_exists="replace", index=False)
        ins[["Rad_id", "source", "person_key", "kon", "Insatskod", "Insats_start", "Insats_slut",
             "avslutskod", "Samtycke_ref"]].to_sql("deltagande", db, if_exists="replace", index=False)
    print(json.dumps({"read": len(rows), "ersattningsperioder": len(ers), "deltaganden": len(ins),
                      "quarantined": quarantined}))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: af_normalise_pandas.py AF_DIR MAPPING_JSON OUT_DB")
    main(*sys.argv[1:])
