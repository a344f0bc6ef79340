#!/bin/sh
# Regenerates the DSP test fixtures. Needs python3, minimodem 0.24 and sox 14.4.
# FSK is transmitted at 48 kHz (40 samples per bit, exactly 1200 bit/s) and resampled by sox,
# because minimodem at 8 kHz rounds a bit to 7 samples (1143 bit/s).
set -e
cd "$(dirname "$0")"
T=$(mktemp -d)
python3 - "$T" <<'PY'
import sys
d = sys.argv[1]
def ck(t, body):
    m = bytes([t, len(body)]) + body
    return m + bytes([(-sum(m)) & 0xFF])
def mdmf(*p):
    return ck(0x80, b''.join(bytes([t, len(v)]) + v for t, v in p))
open(d + '/seizure.bin', 'wb').write(b'\x55' * 30)
open(d + '/sdmf.bin', 'wb').write(ck(0x04, b'11231530' + b'13800138000'))
open(d + '/mdmf.bin', 'wb').write(mdmf((1, b'11231530'), (2, b'13800138000'), (7, b'ZHANG SAN')))
open(d + '/private.bin', 'wb').write(mdmf((1, b'01020304'), (4, b'P'), (8, b'P')))
open(d + '/v23.bin', 'wb').write(mdmf((1, b'12251200'), (2, b'01012345678'), (7, b'LI SI')))
PY
sox -n -r 48000 -c 1 -b 16 "$T/quiet.wav" trim 0 0.2
fsk() { # name standard-options message-file
    minimodem --tx -8 -R 48000 -v 0.25 $2 -f "$T/seiz.wav" 1200 < "$T/seizure.bin"
    minimodem --tx -8 -R 48000 -v 0.25 $2 -f "$T/msg.wav" 1200 < "$T/$3"
    sox -n -r 48000 -c 1 -b 16 "$T/mark.wav" synth 0.15 sine "$4" vol 0.25
    sox "$T/quiet.wav" "$T/seiz.wav" "$T/mark.wav" "$T/msg.wav" "$T/quiet.wav" -r 8000 -c 1 -e a-law "$1"
}
fsk bell202-sdmf.wav "" sdmf.bin 1200
fsk bell202-mdmf.wav "" mdmf.bin 1200
fsk bell202-private.wav "" private.bin 1200
fsk v23-mdmf.wav "-M 1300 -S 2100" v23.bin 1300
# DTMF caller ID A13800138000C: 70 ms tones, 70 ms gaps, -10 dBm0-ish per tone
set -- A 697 1633  1 697 1209  3 697 1477  8 852 1336  0 941 1336  0 941 1336  1 697 1209 \
       3 697 1477  8 852 1336  0 941 1336  0 941 1336  0 941 1336  C 852 1633
parts=""
i=0
while [ $# -gt 0 ]; do
    sox -n -r 8000 -c 1 -b 16 "$T/d$i.wav" synth 0.07 sine "$2" sine "$3" remix 1,2 vol 0.2
    sox -n -r 8000 -c 1 -b 16 "$T/g$i.wav" trim 0 0.07
    parts="$parts $T/d$i.wav $T/g$i.wav"
    i=$((i + 1)); shift 3
done
sox $parts -e a-law dtmf-callerid.wav
# China busy tone, 450 Hz 0.35 s on / 0.35 s off, 3 cycles
sox -n -r 8000 -c 1 -b 16 "$T/on.wav" synth 0.35 sine 450 vol 0.2
sox -n -r 8000 -c 1 -b 16 "$T/off.wav" trim 0 0.35
sox "$T/on.wav" "$T/off.wav" "$T/on.wav" "$T/off.wav" "$T/on.wav" "$T/off.wav" -e a-law busy.wav
rm -r "$T"
