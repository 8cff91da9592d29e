// Package eval measures the extractor against human attribution
// annotations in the PolNeAR layout (text/*.txt with brat standoff
// attributions/*.ann): it runs graph/extract on every article and scores
// the claims and their speakers exactly as the reference ruler
// ../shared/eval/score-polnear.py does — greedy one-to-one matching by
// token-overlap F1 >= 0.5, speaker names judged by shared capitalised words
// or acronyms, for all attributions and for direct quotes, end to end.
package eval
