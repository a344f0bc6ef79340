package io.branchbox.rig.talkoff;

/** What the corpus voices read: a few sentences of everyday talk per language (a hotline call). */
final class Texts {
    private Texts() {}

    static final String PINYIN = "ni3 hao3, wo3 jia1 ting2 dian4 le5, cong2 zuo2 tian1 wan3 shang4 qi1 dian3 dao4 xian4 zai4 dou1"
            + " mei2 you3 dian4. qing3 wen4 shen2 me5 shi2 hou5 neng2 hui1 fu4? wo3 de5 di4 zhi3 shi4 he2 ping2 lu4 san1"
            + " shi2 ba1 hao4, er4 dan1 yuan2 wu3 lou2. bing1 xiang1 li3 de5 dong1 xi5 kuai4 huai4 le5, hai2 zi5 ming2"
            + " tian1 yao4 kao3 shi4, qing3 nin2 men5 jin3 kuai4 pai4 ren2 lai2 kan4 yi2 xia4. xie4 xie5, ma2 fan5 nin2 le5."
            + " ling2 yi1 er4 san1 si4 wu3 liu4 qi1 ba1 jiu3, wo3 de5 dian4 hua4 hao4 ma3 shi4 yi1 san1 jiu3 ling2 er4"
            + " ba1 qi1 liu4 wu3 si4 san1.";
    static final String ENGLISH = "Hello, the power has been off in our house since seven o'clock last night. Could you"
            + " tell me when it will be back? The address is thirty eight Peace Road, unit two, fifth floor. The food in"
            + " the fridge is going bad and my son has an exam tomorrow, so please send someone as soon as you can."
            + " My number is one three nine, zero two eight seven, six five four three. Thank you very much.";
    static final String GERMAN = "Guten Tag, bei uns ist seit gestern Abend um sieben der Strom weg. Wann kommt er wieder?"
            + " Die Adresse ist Friedensstrasse achtunddreissig, zweiter Eingang, fuenfter Stock. Die Sachen im"
            + " Kuehlschrank verderben, bitte schicken Sie so schnell wie moeglich jemanden. Vielen Dank.";
    static final String FRENCH = "Bonjour, nous n'avons plus d'electricite depuis hier soir a sept heures. Quand est-ce"
            + " que le courant reviendra? L'adresse est trente-huit rue de la Paix, escalier deux, cinquieme etage."
            + " Merci d'envoyer quelqu'un le plus vite possible.";
    static final String SPANISH = "Buenos dias, no tenemos luz desde ayer a las siete de la tarde. Cuando volvera la"
            + " corriente? La direccion es calle de la Paz treinta y ocho, portal dos, quinto piso. Por favor, manden"
            + " a alguien lo antes posible. Muchas gracias.";
    static final String RUSSIAN = "Здравствуйте, у нас нет света со вчерашнего вечера, с семи часов. Когда его дадут?"
            + " Адрес: улица Мира, дом тридцать восемь, второй подъезд, пятый этаж. Пожалуйста, пришлите кого-нибудь"
            + " как можно скорее. Спасибо.";
    static final String ITALIAN = "Buongiorno, da ieri sera alle sette siamo senza corrente. Quando tornera la luce?"
            + " L'indirizzo e via della Pace trentotto, scala due, quinto piano. Mandate qualcuno al piu presto,"
            + " per favore. Grazie mille.";
}
