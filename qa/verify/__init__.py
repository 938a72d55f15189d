"""Verifier v2: claim checking on the dependency parse behind one seam (`scorer.SupportScorer`).

`qa.verify.support.check_support` is the entry point every caller uses; it runs the scorer chosen by the `scorer`
setting. Importing this package does not import spaCy: the parser loads on first use (`nlp.get_nlp`).
"""
