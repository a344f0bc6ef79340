#!/bin/sh
# Regenerates the built-in prompt set: every file here except this script is its output.
#
# Needs espeak-ng and sox. Speech is synthesised at espeak's own rate, band-limited and resampled
# by sox to the line's format (8 kHz, mono, A-law), peak-normalised to -3 dBFS, with the silence
# espeak leaves at both ends trimmed to 100 ms so that pieces joined into one announcement
# (the position and wait pieces) run on naturally. Keep prompts short: A-law is 8 kB per second
# and every byte ships inside the firmware.
#
# Usage: ./make-prompts.sh            (English)
#        VOICE=cmn ./make-prompts.sh  (another espeak-ng voice; texts stay as written below)
set -eu
cd "$(dirname "$0")"
VOICE="${VOICE:-en}"
SPEED="${SPEED:-150}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
: > index.txt

# say NAME TEXT: one spoken prompt
say() {
    espeak-ng -v "$VOICE" -s "$SPEED" -w "$TMP/$1.wav" "$2"
    sox "$TMP/$1.wav" -r 8000 -c 1 -e a-law "$1.wav" \
        gain -n -6 highpass 200 norm -3 \
        silence 1 0.02 0.3% reverse silence 1 0.02 0.3% reverse pad 0.1 0.1
    echo "$1" >> index.txt
}

# tone NAME SOX-SYNTH...: one synthesised sound
tone() {
    name="$1"
    shift
    sox -n -r 8000 -c 1 -e a-law "$name.wav" "$@"
    echo "$name" >> index.txt
}

say greeting "Welcome to the service hotline. Your call is important to us."
say main-menu "For repairs, press 1. For inquiries, press 2. For complaints, press 3. To speak to an agent, press 0."
say invalid-choice "Sorry, that is not a valid choice."
say closed "We are closed now. Our service hours are posted on our website. Please call again later."
say callback-booked "Thank you. We will call you back as soon as an agent is free."
say voicemail-intro "Please leave a message after the beep."
say queue-full "All our agents are busy. Please call again later."
say transfer-hold "Please hold while your call is transferred."
say record-prompt-intro "Record after the beep. Press the hang-up button when done."
say survey "Please rate this call. Press 1 if you were satisfied, 2 if neutral, or 3 if you were dissatisfied."
# the crew IVR (work orders): every prompt set needs these too
say crew-welcome "Crew reporting. Enter your crew number, star, your PIN, then hash."
say crew-order "Enter the work order number, then hash."
say crew-stage "Press 1 for arrived on site. Press 2 for job completed."
say crew-wrong-pin "Crew number or PIN not recognised."
say crew-unknown-order "There is no work order with that number."
say crew-refused "That stage cannot be recorded for this order now."
say crew-arrived "Arrival on site recorded. Thank you."
say crew-completed "Job completion recorded. Thank you."
say position-intro "You are caller number"
say wait-intro "Your expected wait is about"
say minute "minute"
say minutes "minutes"
say less-than-a-minute "less than one minute"
n=0
for word in zero one two three four five six seven eight nine ten; do
    say "number-$n" "$word"
    n=$((n + 1))
done

tone beep synth 0.4 sine 1000 vol 0.5 fade t 0.01 0.4 0.01
# a soft two-second phrase of four notes, looped while a caller waits
sox -n -r 8000 -c 1 -e a-law hold-music.wav \
    synth 0.5 sine 523.25 fade t 0.02 0.5 0.05 vol 0.25 : synth 0.5 sine 659.25 fade t 0.02 0.5 0.05 vol 0.25 \
    : synth 0.5 sine 783.99 fade t 0.02 0.5 0.05 vol 0.25 : synth 0.5 sine 659.25 fade t 0.02 0.5 0.05 vol 0.25
echo hold-music >> index.txt
