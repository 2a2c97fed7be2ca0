#!/usr/bin/env python3
"""Build the incident sample bundles of logcorr (samples/<name>/).

Every line shape is copied from a real program's output (see
../../shared/corpus: real-lines/, journal/, kafka-logs/, gc/); only the values
(times, ids, hosts, offsets) are new. The generator is deterministic: each
bundle draws from its own random.Random(seed), so a rerun rewrites every byte.

    python3 samples/generate.py [--out samples]      # (re)write the bundles
    python3 samples/generate.py --check [--out DIR]  # independent checks

Only the Python standard library is used. The code lives in the loggen package
(tools/loggen/loggen/: scenarios.py builds the bundles, check.py checks them).
"""

import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "tools", "loggen"))

from loggen.scenarios import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(default_out=here, description=__doc__))
