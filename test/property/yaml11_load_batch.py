"""Loads many YAML documents the way cloud-init and tiny-cloud do (YAML 1.1), in one process.

cloud-init reads user data with PyYAML's safe loader (cloudinit/util.py load_yaml), tiny-cloud with
libyaml (Alpine's `yx`). Each file is loaded with both yaml.SafeLoader (pure Python) and
yaml.CSafeLoader (libyaml); prints a JSON list, one entry per file: {"data": ...} when both loaders
read the same data, else {"error": "..."}.
"""
import json
import sys

import yaml

out = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        py = yaml.load(text, Loader=yaml.SafeLoader)
        c = yaml.load(text, Loader=yaml.CSafeLoader)
        if py != c:
            out.append({"error": "SafeLoader and CSafeLoader disagree"})
        else:
            out.append({"data": py})
    except Exception as e:  # any loader error means the host boots unconfigured
        out.append({"error": "%s: %s" % (type(e).__name__, e)})
# Non-JSON values (a date, bytes) show up as their repr and so never equal the intended data.
print(json.dumps(out, default=lambda o: {"python": repr(o)}))
