"""newsbrief engine: articles, text, summaries, briefings and search. No UI imports."""

import os

__version__ = "0.1.0"

# Our matrices are small (one article's sentences, one story's points): a BLAS thread pool
# costs more than it saves, and worker processes already use every core. Set before numpy is
# first imported; a user's own setting wins.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
