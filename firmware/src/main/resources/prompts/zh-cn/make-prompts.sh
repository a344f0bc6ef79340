#!/bin/sh
# Regenerates the built-in Mandarin prompt set zh-cn (the factory document's ivr.promptSet):
# every file here except this script is its output. Same prompt names as ../default (English),
# plus the pieces Mandarin numbers need: number-100 (百), number-liang (两, "two" before a measure
# word: 两分钟) and position-outro (位, closing "您现在排在第 N 位"). How the pieces are joined
# into numbers is firmware/.../audio/NumberSpeech.java.
#
# Needs espeak-ng (voice cmn-latn-pinyin) and sox; the same treatment as the English set: band-limited,
# resampled to 8 kHz mono A-law, peak-normalised to -3 dBFS, silence trimmed to 100 ms at both
# ends so announcement pieces run on naturally.
#
# Usage: ./make-prompts.sh
set -eu
cd "$(dirname "$0")"
VOICE="${VOICE:-cmn-latn-pinyin}"
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

# Debian's espeak-ng reads few Hanzi with the cmn voice (its dictionary lacks them), so the texts
# are written in pinyin with tone numbers (5 = neutral tone; tone sandhi written out, e.g. yi4
# fen1 zhong1, bu2 dao4) for the cmn-latn-pinyin voice; the Hanzi are in the comment above each.
# 您好，欢迎致电供电服务热线。
say greeting "nin2 hao3, huan1 ying2 zhi4 dian4 gong1 dian4 fu2 wu4 re4 xian4."
# 故障报修请按一，业务咨询请按二，投诉建议请按三，人工服务请按零。
say main-menu "gu4 zhang4 bao4 xiu1 qing3 an4 yi1. ye4 wu4 zi1 xun2 qing3 an4 er4. tou2 su4 jian4 yi4 qing3 an4 san1. ren2 gong1 fu2 wu4 qing3 an4 ling2."
# 对不起，您的输入有误。
say invalid-choice "dui4 bu5 qi3, nin2 de5 shu1 ru4 you3 wu4."
# 现在是非工作时间，请在工作时间再拨，谢谢。
say closed "xian4 zai4 shi4 fei1 gong1 zuo4 shi2 jian1, qing3 zai4 gong1 zuo4 shi2 jian1 zai4 bo1, xie4 xie5."
# 谢谢，坐席空闲后我们会尽快给您回电。
say callback-booked "xie4 xie5, zuo4 xi2 kong4 xian2 hou4, wo3 men5 hui4 jin3 kuai4 gei3 nin2 hui2 dian4."
# 请在提示音后留言。
say voicemail-intro "qing3 zai4 ti2 shi4 yin1 hou4 liu2 yan2."
# 坐席全忙，请稍后再拨。
say queue-full "zuo4 xi2 quan2 mang2, qing3 shao1 hou4 zai4 bo1."
# 正在为您转接，请稍候。
say transfer-hold "zheng4 zai4 wei4 nin2 zhuan3 jie1, qing3 shao1 hou4."
# 请在提示音后录音，录完请按挂机键。
say record-prompt-intro "qing3 zai4 ti2 shi4 yin1 hou4 lu4 yin1, lu4 wan2 qing3 an4 gua4 ji1 jian4."
# 请对本次服务进行评价：满意请按一，一般请按二，不满意请按三。
say survey "qing3 dui4 ben3 ci4 fu2 wu4 jin4 xing2 ping2 jia4. man3 yi4 qing3 an4 yi1, yi4 ban1 qing3 an4 er4, bu4 man3 yi4 qing3 an4 san1."
# 您现在排在第 … 位
say position-intro "nin2 xian4 zai4 pai2 zai4 di4"
say position-outro "wei4"
# 预计等待时间约 … 分钟
say wait-intro "yu4 ji4 deng3 dai4 shi2 jian1 yue1"
say minute "fen1 zhong1"
say minutes "fen1 zhong1"
# 不到一分钟
say less-than-a-minute "bu2 dao4 yi4 fen1 zhong1"
# 零 一 二 三 四 五 六 七 八 九 十
n=0
for word in ling2 yi1 er4 san1 si4 wu3 liu4 qi1 ba1 jiu3 shi2; do
    say "number-$n" "$word"
    n=$((n + 1))
done
# 百, 两
say number-100 "bai3"
say number-liang "liang3"

tone beep synth 0.4 sine 1000 vol 0.5 fade t 0.01 0.4 0.01
# the same soft four-note phrase as the English set, looped while a caller waits
sox -n -r 8000 -c 1 -e a-law hold-music.wav \
    synth 0.5 sine 523.25 fade t 0.02 0.5 0.05 vol 0.25 : synth 0.5 sine 659.25 fade t 0.02 0.5 0.05 vol 0.25 \
    : synth 0.5 sine 783.99 fade t 0.02 0.5 0.05 vol 0.25 : synth 0.5 sine 659.25 fade t 0.02 0.5 0.05 vol 0.25
echo hold-music >> index.txt

# the crew line of work orders (抢修班组报到): every prompt set needs these too
# 抢修班组报到。请输入班组号，按星号，再输入密码，按井号。
say crew-welcome "qiang3 xiu1 ban1 zu3 bao4 dao4. qing3 shu1 ru4 ban1 zu3 hao4, an4 xing1 hao4, zai4 shu1 ru4 mi4 ma3, an4 jing3 hao4."
# 请输入工单号，按井号结束。
say crew-order "qing3 shu1 ru4 gong1 dan1 hao4, an4 jing3 hao4 jie2 shu4."
# 到达现场请按一，完工请按二。
say crew-stage "dao4 da2 xian4 chang3 qing3 an4 yi1. wan2 gong1 qing3 an4 er4."
# 班组号或密码不正确。
say crew-wrong-pin "ban1 zu3 hao4 huo4 mi4 ma3 bu2 zheng4 que4."
# 没有这个工单号。
say crew-unknown-order "mei2 you3 zhe4 ge5 gong1 dan1 hao4."
# 该工单现在不能登记这个环节。
say crew-refused "gai1 gong1 dan1 xian4 zai4 bu4 neng2 deng1 ji4 zhe4 ge5 huan2 jie2."
# 到达现场已登记，谢谢。
say crew-arrived "dao4 da2 xian4 chang3 yi3 deng1 ji4, xie4 xie5."
# 完工已登记，谢谢。
say crew-completed "wan2 gong1 yi3 deng1 ji4, xie4 xie5."
