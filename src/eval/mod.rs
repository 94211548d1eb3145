//! Measuring citetrace against hand-annotated data (brat standoff, PolNeAR).
