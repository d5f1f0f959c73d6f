#include "text/language.h"

#include <gtest/gtest.h>

#include <string>

namespace annal::text {
namespace {

TEST(LanguageTest, English) {
  LanguageGuess g = DetectLanguage(
      "Russian Foreign Minister Sergei Lavrov accused Ukraine on Tuesday of sabotaging the peace "
      "talks, saying Kyiv had no interest in ending the war and was preparing a new offensive.");
  EXPECT_EQ(g.code, "en");
  EXPECT_TRUE(g.reliable);
}

TEST(LanguageTest, OtherLanguages) {
  LanguageGuess ru = DetectLanguage(
      "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0438\u043d\u043e\u0441\u0442\u0440\u0430"
      "\u043d\u043d\u044b\u0445 \u0434\u0435\u043b \u0420\u043e\u0441\u0441\u0438\u0438 "
      "\u0421\u0435\u0440\u0433\u0435\u0439 \u041b\u0430\u0432\u0440\u043e\u0432 \u0437\u0430"
      "\u044f\u0432\u0438\u043b \u0432\u043e \u0432\u0442\u043e\u0440\u043d\u0438\u043a, \u0447"
      "\u0442\u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b \u043e \u043c"
      "\u0438\u0440\u0435 \u0437\u0430\u0448\u043b\u0438 \u0432 \u0442\u0443\u043f\u0438\u043a.");
  EXPECT_EQ(ru.code, "ru");
  EXPECT_TRUE(ru.reliable);
  LanguageGuess es = DetectLanguage(
      "El ministro de Asuntos Exteriores de Rusia acus\u00f3 el martes a Ucrania de sabotear "
      "las conversaciones de paz y dijo que el gobierno no ten\u00eda inter\u00e9s en terminar "
      "la guerra.");
  EXPECT_EQ(es.code, "es");
  EXPECT_TRUE(es.reliable);
  LanguageGuess fr = DetectLanguage(
      "Le ministre russe des Affaires \u00e9trang\u00e8res a accus\u00e9 mardi l'Ukraine de "
      "saboter les pourparlers de paix, affirmant que Kiev n'avait aucun int\u00e9r\u00eat "
      "\u00e0 mettre fin \u00e0 la guerre.");
  EXPECT_EQ(fr.code, "fr");
  LanguageGuess zh = DetectLanguage(
      "\u4fc4\u7f57\u65af\u5916\u957f\u62c9\u592b\u7f57\u592b\u5468\u4e8c\u6307\u8d23\u4e4c"
      "\u514b\u5170\u7834\u574f\u548c\u5e73\u8c08\u5224\uff0c\u79f0\u57fa\u8f85\u65e0\u610f"
      "\u7ed3\u675f\u6218\u4e89\uff0c\u5e76\u6b63\u5728\u51c6\u5907\u65b0\u7684\u653b\u52bf"
      "\u3002\u4fc4\u7f57\u65af\u5916\u957f\u62c9\u592b\u7f57\u592b\u5468\u4e8c\u6307\u8d23"
      "\u4e4c\u514b\u5170\u7834\u574f\u548c\u5e73\u8c08\u5224\u3002");
  EXPECT_EQ(zh.code, "zh");  // "zh-Hant" and friends are cut to the language part
}

TEST(LanguageTest, ShortOrEmptyIsUnknown) {
  // "Jill Biden praised France." is 22 letters, which CLD2 calls reliably French.
  for (std::string text :
       {"", "Putin said.", "12345 67890 !!!", "   \n\n  ", "Jill Biden praised France."}) {
    LanguageGuess g = DetectLanguage(text);
    EXPECT_EQ(g.code, "un") << text;
    EXPECT_FALSE(g.reliable) << text;
  }
}

TEST(LanguageTest, InvalidUtf8IsUnknownNotACrash) {
  std::string text(200, 'a');
  text += "\xff\xfe the rest of an English sentence that goes on for a while";
  LanguageGuess g = DetectLanguage(text);
  EXPECT_EQ(g.code, "un");
  EXPECT_FALSE(g.reliable);
}

TEST(LanguageTest, LongTextIsCutAtACharacterBoundary) {
  std::string text;
  while (text.size() < 5000)
    text +=
        "Die Regierung in Berlin hat am Montag neue Ma\u00dfnahmen "
        "gegen die Inflation beschlossen. ";
  LanguageGuess g = DetectLanguage(text);
  EXPECT_EQ(g.code, "de");
  EXPECT_TRUE(g.reliable);
}

}  // namespace
}  // namespace annal::text
