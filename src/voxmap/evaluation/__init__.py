"""Evaluation: read gold attributions (PolNeAR brat files, voxmap's own gold JSONL), score, gate."""
