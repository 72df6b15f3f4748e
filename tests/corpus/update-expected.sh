#!/usr/bin/env bash
# Regenerates tests/corpus/expected.json from a build of pysec: the findings
# per rule and severity for every repository of ../shared/corpus, at the
# auditor persona.  Review what changed (git diff) before committing it.
set -euo pipefail
cd "$(dirname "$0")/../.."
pysec=${1:-build/pysec}
corpus=../shared/corpus
/usr/bin/python3 - "$pysec" "$corpus" <<'PY' > tests/corpus/expected.json
import collections, json, os, subprocess, sys
pysec, corpus = sys.argv[1], sys.argv[2]
result = {}
for name in sorted(os.listdir(corpus)):
    path = os.path.join(corpus, name)
    if not os.path.isdir(path):
        continue
    # The corpus is not a git repository: pysec reads it from the file system.
    out = subprocess.run([pysec, "scan", path, "--format", "json", "--persona", "auditor", "--fail-on", "never"],
                         capture_output=True, text=True, check=True).stdout
    counts = collections.Counter(f'{f["rule"]}/{f["severity"]}' for f in json.loads(out)["findings"])
    result[name] = dict(sorted(counts.items()))
print(json.dumps(result, indent=2))
PY
echo "wrote tests/corpus/expected.json"
