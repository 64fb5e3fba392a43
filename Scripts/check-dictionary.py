#!/usr/bin/env python3
"""Validate the drug dictionary (drugs.tsv) and the regimen list (regimens.tsv).

Usage:
    Scripts/check-dictionary.py                       # the built-in files
    Scripts/check-dictionary.py --drugs FILE [--regimens FILE] [--with-builtin]

With --with-builtin, the given files are checked as an extension of the built-in
ones: every rule (unique names, no synonym on two drugs, regimen drugs exist) is
applied to the union, so a user file cannot clash with the shipped dictionary.

Prints counts and every problem found; exits 1 when there is any error.
Standard library only.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "Sources" / "Enrichment" / "Resources"
BUILTIN_DRUGS = RESOURCES / "drugs.tsv"
BUILTIN_REGIMENS = RESOURCES / "regimens.tsv"

DRUG_HEADER = ["name", "synonyms", "atc", "classes"]
REGIMEN_HEADER = ["name", "aliases", "drugs", "strict"]
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9 ,/()+-]*$")
ATC_RE = re.compile(r"^[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}$")

# MeSH Pharmacological Action terms the dictionary may use. A class outside this
# list is an error (it is most often a typo or a chemical descriptor that is not
# a pharmacological action); extend the list deliberately.
PHARMACOLOGICAL_ACTIONS = {
    "Abortifacient Agents, Nonsteroidal",
    "Abortifacient Agents, Steroidal",
    "Adjuvants, Anesthesia",
    "Adjuvants, Immunologic",
    "Adrenergic alpha-1 Receptor Agonists",
    "Adrenergic alpha-1 Receptor Antagonists",
    "Adrenergic alpha-2 Receptor Agonists",
    "Adrenergic beta-1 Receptor Agonists",
    "Adrenergic beta-1 Receptor Antagonists",
    "Adrenergic beta-2 Receptor Agonists",
    "Adrenergic beta-Antagonists",
    "Alcohol Deterrents",
    "Analgesics",
    "Analgesics, Non-Narcotic",
    "Analgesics, Opioid",
    "Androgen Antagonists",
    "Androgen Receptor Antagonists",
    "Androgens",
    "Anesthetics, Dissociative",
    "Anesthetics, Inhalation",
    "Anesthetics, Intravenous",
    "Anesthetics, Local",
    "Angiogenesis Inhibitors",
    "Angiotensin II Type 1 Receptor Blockers",
    "Angiotensin-Converting Enzyme Inhibitors",
    "Anthelmintics",
    "Anti-Allergic Agents",
    "Anti-Anxiety Agents",
    "Anti-Arrhythmia Agents",
    "Anti-Asthmatic Agents",
    "Anti-Bacterial Agents",
    "Anti-HIV Agents",
    "Anti-Infective Agents",
    "Anti-Infective Agents, Urinary",
    "Anti-Inflammatory Agents",
    "Anti-Inflammatory Agents, Non-Steroidal",
    "Anti-Obesity Agents",
    "Anti-Ulcer Agents",
    "Antibiotics, Antineoplastic",
    "Antibiotics, Antitubercular",
    "Anticholesteremic Agents",
    "Anticoagulants",
    "Anticonvulsants",
    "Antidepressive Agents",
    "Antidepressive Agents, Tricyclic",
    "Antidiarrheals",
    "Antidiuretic Agents",
    "Antidotes",
    "Antiemetics",
    "Antifibrinolytic Agents",
    "Antifungal Agents",
    "Antihypertensive Agents",
    "Antimalarials",
    "Antimetabolites",
    "Antimetabolites, Antineoplastic",
    "Antineoplastic Agents",
    "Antineoplastic Agents, Alkylating",
    "Antineoplastic Agents, Hormonal",
    "Antineoplastic Agents, Immunological",
    "Antineoplastic Agents, Phytogenic",
    "Antiparasitic Agents",
    "Antiprotozoal Agents",
    "Antipsychotic Agents",
    "Antipyretics",
    "Antirheumatic Agents",
    "Antisickling Agents",
    "Antithrombins",
    "Antitubercular Agents",
    "Antitussive Agents",
    "Antiviral Agents",
    "Appetite Stimulants",
    "Aromatase Inhibitors",
    "Bone Density Conservation Agents",
    "Bronchodilator Agents",
    "CCR5 Receptor Antagonists",
    "Calcineurin Inhibitors",
    "Calcium Channel Blockers",
    "Cannabinoid Receptor Agonists",
    "Carbonic Anhydrase Inhibitors",
    "Cardiotonic Agents",
    "Cardiovascular Agents",
    "Central Nervous System Depressants",
    "Central Nervous System Stimulants",
    "Chelating Agents",
    "Cholagogues and Choleretics",
    "Cholinesterase Inhibitors",
    "Complement Inactivating Agents",
    "Contrast Media",
    "Contraceptive Agents, Female",
    "Cross-Linking Reagents",
    "Cyclooxygenase 2 Inhibitors",
    "Cyclooxygenase Inhibitors",
    "Cytochrome P-450 CYP3A Inhibitors",
    "Dermatologic Agents",
    "Dipeptidyl-Peptidase IV Inhibitors",
    "Diuretics",
    "Diuretics, Osmotic",
    "Dopamine Agents",
    "Dopamine Antagonists",
    "Dopamine D2 Receptor Antagonists",
    "Endothelin Receptor Antagonists",
    "Enzyme Inhibitors",
    "Estrogen Antagonists",
    "Estrogen Receptor Antagonists",
    "Estrogens",
    "Excitatory Amino Acid Antagonists",
    "Expectorants",
    "Factor Xa Inhibitors",
    "Fibrinolytic Agents",
    "Folic Acid Antagonists",
    "Free Radical Scavengers",
    "GABA Modulators",
    "Gastrointestinal Agents",
    "Glucocorticoids",
    "Glycoside Hydrolase Inhibitors",
    "Gout Suppressants",
    "Hematinics",
    "Heparin Antagonists",
    "Hematologic Agents",
    "Hemostatics",
    "Histamine H2 Antagonists",
    "Histone Deacetylase Inhibitors",
    "HIV Fusion Inhibitors",
    "HIV Integrase Inhibitors",
    "HIV Protease Inhibitors",
    "Hormone Antagonists",
    "Hydroxymethylglutaryl-CoA Reductase Inhibitors",
    "Hypnotics and Sedatives",
    "Hypoglycemic Agents",
    "Hypolipidemic Agents",
    "Immune Checkpoint Inhibitors",
    "Immunologic Factors",
    "Immunomodulating Agents",
    "Immunosuppressive Agents",
    "Incretins",
    "Janus Kinase Inhibitors",
    "Keratolytic Agents",
    "Leprostatic Agents",
    "Leukotriene Antagonists",
    "MTOR Inhibitors",
    "Mineralocorticoid Receptor Antagonists",
    "Mineralocorticoids",
    "Monoamine Oxidase Inhibitors",
    "Muscarinic Antagonists",
    "Muscle Relaxants, Central",
    "Myeloablative Agonists",
    "Narcotic Antagonists",
    "Narcotics",
    "Neurokinin-1 Receptor Antagonists",
    "Neuromuscular Depolarizing Agents",
    "Neuromuscular Nondepolarizing Agents",
    "Neuroprotective Agents",
    "Nucleic Acid Synthesis Inhibitors",
    "Oxytocics",
    "Parasympathomimetics",
    "Phosphodiesterase 3 Inhibitors",
    "Phosphodiesterase 4 Inhibitors",
    "Phosphodiesterase 5 Inhibitors",
    "Phosphodiesterase Inhibitors",
    "Platelet Aggregation Inhibitors",
    "Poly(ADP-ribose) Polymerase Inhibitors",
    "Progestins",
    "Proteasome Inhibitors",
    "Protease Inhibitors",
    "Protein Kinase Inhibitors",
    "Protein Synthesis Inhibitors",
    "Protective Agents",
    "Proton Pump Inhibitors",
    "Purinergic P2Y Receptor Antagonists",
    "Radiation-Protective Agents",
    "Radiation-Sensitizing Agents",
    "Radiopharmaceuticals",
    "Reverse Transcriptase Inhibitors",
    "Selective Estrogen Receptor Modulators",
    "Serotonin 5-HT3 Receptor Antagonists",
    "Serotonin Antagonists",
    "Serotonin and Noradrenaline Reuptake Inhibitors",
    "Selective Serotonin Reuptake Inhibitors",
    "Sodium Chloride Symporter Inhibitors",
    "Sodium Potassium Chloride Symporter Inhibitors",
    "Sodium-Glucose Transporter 2 Inhibitors",
    "Sphingosine 1 Phosphate Receptor Modulators",
    "Steroid Synthesis Inhibitors",
    "Sympathomimetics",
    "Thyroid Hormones",
    "Tocolytic Agents",
    "Topoisomerase I Inhibitors",
    "Topoisomerase II Inhibitors",
    "Tubulin Modulators",
    "Tumor Necrosis Factor Inhibitors",
    "Vasoconstrictor Agents",
    "Vasodilator Agents",
    "Vitamins",
    "Voltage-Gated Sodium Channel Blockers",
}

# Abbreviations that mean something else in trial texts often enough that they
# must never be a drug synonym (compared case-insensitively).
AMBIGUOUS_SYNONYMS = {
    "ac", "adc", "adm", "ai", "asa", "aza", "blm", "cf", "cr", "ctx", "dac", "dex",
    "dnr", "dox", "dtx", "epi", "gem", "gtn", "hht", "ici", "ida", "il-2", "lv", "mp",
    "mpa", "mra", "nac", "os", "oxa", "pd", "pd-1", "pd-l1", "pld", "ptx", "s1", "tace",
    "taf", "thp", "insulin", "interferon",
}


@dataclass
class Report:
    """Collects errors and warnings with the file and line they concern."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{where}: {message}")


@dataclass
class Drug:
    name: str
    synonyms: list[str]
    atc: list[str]
    classes: list[str]
    where: str


@dataclass
class Regimen:
    name: str
    aliases: list[str]
    drugs: list[str]
    strict: str
    where: str


def data_lines(path: Path, report: Report):
    """Yields (location, columns) for each non-comment, non-blank line after the header."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        report.error(str(path), f"cannot read as UTF-8: {exc}")
        return
    header_seen = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{path.name}:{number}"
        columns = line.split("\t")
        if not header_seen:
            header_seen = True
            yield where, columns, True
            continue
        yield where, columns, False


def split_list(value: str) -> list[str]:
    return [] if value == "" else value.split("|")


def check_list_items(items: list[str], what: str, where: str, report: Report) -> None:
    for item in items:
        if item == "":
            report.error(where, f"empty {what} (doubled or trailing '|')")
        elif item != item.strip():
            report.error(where, f"{what} {item!r} has leading or trailing spaces")


def read_drugs(path: Path, report: Report, lenient_classes: bool) -> list[Drug]:
    drugs: list[Drug] = []
    for where, columns, is_header in data_lines(path, report):
        if is_header:
            if columns != DRUG_HEADER:
                report.error(where, f"header must be {'<TAB>'.join(DRUG_HEADER)}")
            continue
        if len(columns) != len(DRUG_HEADER):
            report.error(where, f"expected {len(DRUG_HEADER)} tab-separated columns, got {len(columns)}")
            continue
        name, synonyms, atc, classes = columns
        if not NAME_RE.match(name):
            report.error(where, f"name {name!r} does not match {NAME_RE.pattern}")
        if "  " in name or name != name.strip():
            report.error(where, f"name {name!r} has doubled or edge spaces")
        synonym_list = split_list(synonyms)
        atc_list = split_list(atc)
        class_list = split_list(classes)
        check_list_items(synonym_list, "synonym", where, report)
        check_list_items(atc_list, "ATC code", where, report)
        check_list_items(class_list, "class", where, report)
        for code in atc_list:
            if code and not ATC_RE.match(code):
                report.error(where, f"ATC code {code!r} is not a 7-character level-5 code")
        if len(set(atc_list)) != len(atc_list):
            report.error(where, "an ATC code is listed twice")
        if not class_list:
            report.error(where, f"{name}: every drug needs at least one class")
        if len(set(class_list)) != len(class_list):
            report.error(where, "a class is listed twice")
        for cls in class_list:
            if cls and cls not in PHARMACOLOGICAL_ACTIONS:
                message = f"class {cls!r} is not in the known MeSH Pharmacological Action list"
                if lenient_classes:
                    report.warn(where, message)
                else:
                    report.error(where, message)
        seen: set[str] = set()
        for synonym in synonym_list:
            key = synonym.casefold()
            if key in seen:
                report.error(where, f"synonym {synonym!r} is listed twice")
            seen.add(key)
            if key == name.casefold():
                report.error(where, f"synonym {synonym!r} repeats the name")
            if key in AMBIGUOUS_SYNONYMS:
                report.error(where, f"synonym {synonym!r} is an ambiguous abbreviation")
            if "\t" in synonym:
                report.error(where, "synonym contains a tab")
            if len(synonym.strip()) <= 2:
                report.warn(where, f"synonym {synonym!r} has two characters or fewer")
        drugs.append(Drug(name, synonym_list, atc_list, class_list, where))
    return drugs


def read_regimens(path: Path, report: Report) -> list[Regimen]:
    regimens: list[Regimen] = []
    for where, columns, is_header in data_lines(path, report):
        if is_header:
            if columns != REGIMEN_HEADER:
                report.error(where, f"header must be {'<TAB>'.join(REGIMEN_HEADER)}")
            continue
        if len(columns) != len(REGIMEN_HEADER):
            report.error(where, f"expected {len(REGIMEN_HEADER)} tab-separated columns, got {len(columns)}")
            continue
        name, aliases, drugs, strict = columns
        if not name or name != name.strip():
            report.error(where, f"regimen name {name!r} is empty or has edge spaces")
        alias_list = split_list(aliases)
        drug_list = split_list(drugs)
        check_list_items(alias_list, "alias", where, report)
        check_list_items(drug_list, "drug", where, report)
        if len(drug_list) < 2:
            report.error(where, f"regimen {name!r} needs at least two drugs")
        if len(set(drug_list)) != len(drug_list):
            report.error(where, f"regimen {name!r} lists a drug twice")
        if strict not in ("yes", "no"):
            report.error(where, f"strict must be 'yes' or 'no', got {strict!r}")
        regimens.append(Regimen(name, alias_list, drug_list, strict, where))
    return regimens


def cross_check(drugs: list[Drug], regimens: list[Regimen], report: Report) -> None:
    names: dict[str, Drug] = {}
    for drug in drugs:
        key = drug.name.casefold()
        if key in names:
            report.error(drug.where, f"duplicate drug name {drug.name!r} (first at {names[key].where})")
        else:
            names[key] = drug
    owners: dict[str, Drug] = {}
    for drug in drugs:
        for synonym in drug.synonyms:
            key = synonym.casefold()
            other_name = names.get(key)
            if other_name is not None and other_name is not drug:
                report.error(drug.where, f"synonym {synonym!r} of {drug.name!r} is the name of another drug")
            owner = owners.get(key)
            if owner is not None and owner is not drug:
                report.error(
                    drug.where,
                    f"synonym {synonym!r} is on both {owner.name!r} ({owner.where}) and {drug.name!r}",
                )
            owners.setdefault(key, drug)

    regimen_keys: dict[str, Regimen] = {}
    for regimen in regimens:
        own_labels: set[str] = set()
        for label in [regimen.name, *regimen.aliases]:
            key = label.casefold()
            previous = regimen_keys.get(key)
            if previous is not None and previous is not regimen:
                report.error(
                    regimen.where,
                    f"regimen label {label!r} is also used by {previous.name!r} ({previous.where})",
                )
            elif previous is regimen and (regimen.strict != "yes" or label in own_labels):
                # Strict regimens match case-sensitively, so case variants are distinct labels.
                report.error(regimen.where, f"regimen label {label!r} repeats another label of {regimen.name!r}")
            own_labels.add(label)
            regimen_keys[key] = regimen
            if key in names or key in owners:
                report.error(regimen.where, f"regimen label {label!r} is also a drug name or synonym")
        for drug_name in regimen.drugs:
            if drug_name.casefold() not in names or names[drug_name.casefold()].name != drug_name:
                report.error(regimen.where, f"regimen {regimen.name!r} names unknown drug {drug_name!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drugs", type=Path, help="drug file to check (default: the built-in drugs.tsv)")
    parser.add_argument("--regimens", type=Path, help="regimen file to check (default: the built-in regimens.tsv)")
    parser.add_argument(
        "--with-builtin",
        action="store_true",
        help="check the given files together with the built-in ones (for user extensions)",
    )
    parser.add_argument(
        "--lenient-classes",
        action="store_true",
        help="report classes outside the known MeSH list as warnings, not errors",
    )
    parser.add_argument("--quiet-warnings", action="store_true", help="do not print warnings")
    args = parser.parse_args()

    report = Report()
    drug_files: list[Path] = []
    regimen_files: list[Path] = []
    if args.with_builtin or args.drugs is None:
        drug_files.append(BUILTIN_DRUGS)
    if args.drugs is not None:
        drug_files.append(args.drugs)
    if args.with_builtin or (args.regimens is None and args.drugs is None):
        regimen_files.append(BUILTIN_REGIMENS)
    if args.regimens is not None:
        regimen_files.append(args.regimens)

    drugs: list[Drug] = []
    for path in drug_files:
        lenient = args.lenient_classes or path.resolve() != BUILTIN_DRUGS
        drugs.extend(read_drugs(path, report, lenient))
    regimens: list[Regimen] = []
    for path in regimen_files:
        regimens.extend(read_regimens(path, report))
    cross_check(drugs, regimens, report)

    synonym_count = sum(len(drug.synonyms) for drug in drugs)
    with_atc = sum(1 for drug in drugs if drug.atc)
    classes_used = {cls for drug in drugs for cls in drug.classes}
    if not args.quiet_warnings:
        for warning in report.warnings:
            print(f"warning: {warning}")
    for error in report.errors:
        print(f"error: {error}")
    print(
        f"drugs: {len(drugs)} ({with_atc} with ATC codes, {len(drugs) - with_atc} without), "
        f"synonyms: {synonym_count}, classes used: {len(classes_used)}, regimens: {len(regimens)} "
        f"({sum(1 for r in regimens if r.strict == 'yes')} strict)"
    )
    print(f"errors: {len(report.errors)}, warnings: {len(report.warnings)}")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
