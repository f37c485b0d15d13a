# ruff: noqa: RUF001 (Urdu ends its sentences with the Arabic full stop)
"""Sentences written for the language-sample tests and benchmark, as people would type them.

Short answers a person gives at the start of an interview (a name, where they come
from, their family, what they need, the language they speak), in the native script of
each language; Haitian Creole in its usual Latin orthography. Written for natid's
tests, not taken from a corpus.
"""

from __future__ import annotations

SAMPLES: dict[str, tuple[str, ...]] = {
    "hi": (
        "मेरा नाम राहुल है।",
        "मैं उत्तर प्रदेश के एक गाँव से हूँ।",
        "मेरे गाँव में एक बड़ा मंदिर है।",
        "मुझे पानी चाहिए, कृपया।",
        "मेरी माँ और दो बहनें घर पर रहती हैं।",
        "हम लोग खेती करते थे।",
    ),
    "pa": (
        "ਮੇਰਾ ਨਾਮ ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਹੈ।",
        "ਮੈਂ ਜਲੰਧਰ ਦੇ ਨੇੜੇ ਇੱਕ ਪਿੰਡ ਤੋਂ ਹਾਂ।",
        "ਮੇਰੇ ਪਿਤਾ ਜੀ ਖੇਤੀ ਕਰਦੇ ਹਨ।",
        "ਮੈਨੂੰ ਪਾਣੀ ਚਾਹੀਦਾ ਹੈ।",
        "ਸਾਡੇ ਪਿੰਡ ਵਿੱਚ ਇੱਕ ਗੁਰਦੁਆਰਾ ਹੈ।",
        "ਮੈਂ ਪੰਜਾਬੀ ਬੋਲਦਾ ਹਾਂ।",
    ),
    "bn": (
        "আমার নাম রহিম।",
        "আমি সিলেট থেকে এসেছি।",
        "আমার বাবা একজন কৃষক।",
        "আমাদের গ্রামে একটা বড় মসজিদ আছে।",
        "আমি বাংলায় কথা বলি।",
        "আমার একটু পানি দরকার।",
    ),
    "ne": (
        "मेरो नाम सुमन हो।",
        "म पोखरा नजिकको गाउँबाट आएको हुँ।",
        "मेरो बुबा किसान हुनुहुन्छ।",
        "हाम्रो गाउँमा एउटा ठूलो मन्दिर छ।",
        "मलाई पानी चाहियो।",
        "म नेपाली बोल्छु।",
    ),
    "ur": (
        "میرا نام علی ہے۔",
        "میں لاہور کے قریب ایک گاؤں سے ہوں۔",
        "میرے والد کسان ہیں۔",
        "مجھے پانی چاہیے۔",
        "ہمارے گاؤں میں ایک بڑی مسجد ہے۔",
        "میں اردو بولتا ہوں۔",
    ),
    "si": (
        "මගේ නම නිමල්.",
        "මම ගාල්ල ළඟ ගමකින් ආවේ.",
        "මගේ තාත්තා ගොවියෙක්.",
        "මට වතුර ටිකක් ඕනේ.",
        "අපේ ගමේ ලොකු පන්සලක් තියෙනවා.",
        "මම සිංහල කතා කරනවා.",
    ),
    "ta": (
        "என் பெயர் குமார்.",
        "நான் யாழ்ப்பாணத்தில் இருந்து வந்தேன்.",
        "என் அப்பா ஒரு விவசாயி.",
        "எனக்கு கொஞ்சம் தண்ணீர் வேண்டும்.",
        "எங்கள் ஊரில் ஒரு பெரிய கோவில் இருக்கிறது.",
        "நான் தமிழ் பேசுவேன்.",
    ),
    "am": (
        "ስሜ አበበ ነው።",
        "እኔ ከአዲስ አበባ ነው የመጣሁት።",
        "አባቴ ገበሬ ነው።",
        "ውሃ እፈልጋለሁ።",
        "በመንደራችን ትልቅ ቤተ ክርስቲያን አለ።",
        "አማርኛ እናገራለሁ።",
    ),
    "fr": (
        "Je m'appelle Jean.",
        "Je viens de Paris, mais j'ai grandi à Lyon.",
        "Mon père est agriculteur.",
        "J'ai besoin d'un peu d'eau, s'il vous plaît.",
        "Il y a une grande église dans mon village.",
        "Je parle français et un peu d'anglais.",
    ),
    "ht": (
        "Mwen rele Jean.",
        "Mwen soti Okap, men mwen te grandi Pòtoprens.",
        "Papa m se kiltivatè.",
        "Mwen bezwen yon ti dlo, souple.",
        "Gen yon gwo legliz nan zòn mwen an.",
        "Mwen pale kreyòl ak yon ti franse.",
        "Kote manman ou ye?",
    ),
    "es": (
        "Me llamo Juan.",
        "Vengo de un pueblo cerca de Quetzaltenango.",
        "Mi padre es agricultor.",
        "Necesito un poco de agua, por favor.",
        "Hay una iglesia grande en mi pueblo.",
        "Hablo español y un poco de inglés.",
    ),
    "en": (
        "My name is John.",
        "I come from a small village near the coast.",
        "My father is a farmer.",
        "I need some water, please.",
        "There is a big church in my village.",
        "I speak English and a little Spanish.",
    ),
}
"""Several short sentences per language, keyed by the expected language code."""

TIGRINYA = "ስመይ ዮናስ እዩ። ካብ ኣስመራ እየ መጺአ።"
"""Tigrinya in Ethiopic script: the script says Amharic or Tigrinya, not which."""
