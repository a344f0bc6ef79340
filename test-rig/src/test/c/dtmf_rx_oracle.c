/*
 * spandsp's DTMF receiver over an A-law recording: an independent oracle for the box's
 * DtmfDetector, and a throughput figure to compare with LineDspBenchmark.dtmf.
 *
 *   gcc -O2 -o /tmp/dtmf_rx_oracle dtmf_rx_oracle.c -lspandsp
 *   /tmp/dtmf_rx_oracle FILE.wav|FILE.alaw [--bench SECONDS]
 *
 * Input: a mono A-law WAV (format 6, as LineCapture writes) or raw A-law. Prints each digit with
 * the time of the 20 ms frame in which spandsp reported it; with --bench, also the seconds of
 * audio processed per CPU second (A-law decoding included, 160-sample frames, one thread).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <spandsp.h>

static long frame_no;
static int quiet;

static void on_digits(void *user, const char *digits, int len)
{
    (void) user;
    if (!quiet)
        for (int i = 0; i < len; i++)
            printf("%ld ms: %c\n", frame_no * 20, digits[i]);
}

static uint8_t *read_alaw(const char *path, long *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *buf = malloc(size);
    if (fread(buf, 1, size, f) != (size_t) size) {
        fprintf(stderr, "%s: short read\n", path);
        exit(2);
    }
    fclose(f);
    long off = 0;
    if (size > 12 && memcmp(buf, "RIFF", 4) == 0) {
        for (off = 12; off + 8 <= size; ) {
            uint32_t len = buf[off + 4] | buf[off + 5] << 8 | buf[off + 6] << 16 | (uint32_t) buf[off + 7] << 24;
            if (memcmp(buf + off, "data", 4) == 0) {
                off += 8;
                break;
            }
            off += 8 + len + (len & 1);
        }
    }
    *n = size - off;
    memmove(buf, buf + off, *n);
    return buf;
}

static void run(dtmf_rx_state_t *rx, const uint8_t *alaw, long n)
{
    int16_t pcm[160];
    for (long pos = 0; pos + 160 <= n; pos += 160, frame_no++) {
        for (int i = 0; i < 160; i++)
            pcm[i] = alaw_to_linear(alaw[pos + i]);
        dtmf_rx(rx, pcm, 160);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [--bench SECONDS]\n", argv[0]);
        return 2;
    }
    long n;
    uint8_t *alaw = read_alaw(argv[1], &n);
    dtmf_rx_state_t *rx = dtmf_rx_init(NULL, on_digits, NULL);
    run(rx, alaw, n);
    if (argc >= 4 && strcmp(argv[2], "--bench") == 0) {
        double want = atof(argv[3]);
        quiet = 1;
        double audio = 0;
        clock_t start = clock();
        double cpu;
        do {
            run(rx, alaw, n);
            audio += (double) (n / 160 * 160) / 8000.0;
            cpu = (double) (clock() - start) / CLOCKS_PER_SEC;
        } while (cpu < want);
        printf("spandsp dtmf_rx: %.0f s of audio per CPU second (%.1f s audio in %.2f s CPU)\n", audio / cpu, audio, cpu);
    }
    dtmf_rx_free(rx);
    free(alaw);
    return 0;
}
