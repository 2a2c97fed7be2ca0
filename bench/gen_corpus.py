#!/usr/bin/env python3
"""Reproducible multi-GB incident corpus for logcorr's throughput benchmark.

    bench/gen_corpus.py --out DIR [--gb 1.1] [--seed 7] [--jobs 2]

A thin wrapper: the generator is loggen.corpus (tools/loggen/loggen/corpus.py),
which shares its line shapes with samples/generate.py; --help describes the corpus.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools", "loggen"))

from loggen.corpus import main  # noqa: E402

if __name__ == "__main__":
    main()
