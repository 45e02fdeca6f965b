# Helpers the bench parts share; sourced, not run (scripts/bench.sh runs only NN-*.sh).

# The median of the numbers on standard input, one per line (the lower middle of an even count).
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
