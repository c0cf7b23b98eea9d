package org.civic311.platform.routing.api;

import com.twilio.twiml.voice.Say;
import java.util.Map;

/** The fixed sentences of the phone menus, per locale (English, French, Spanish). */
final class VoicePrompts {
  private VoicePrompts() {}

  record Texts(
      Say.Language voice,
      String emergency,
      String languageChoice,
      String urgentChoice,
      String urgentOtherwise,
      String voicemail,
      String connecting) {}

  private static final Map<String, Texts> TEXTS =
      Map.of(
          "en",
          new Texts(
              Say.Language.EN_CA,
              "If this is an emergency, hang up and dial 9-1-1.",
              "For English, press %d.",
              "For %s, press %d.",
              "For anything else, please call back during business hours or use the online portal.",
              "Please leave a message after the tone, with your name and number.",
              "Connecting you now."),
          "fr",
          new Texts(
              Say.Language.FR_CA,
              "S'il s'agit d'une urgence, raccrochez et composez le 9-1-1.",
              "Pour le français, appuyez sur le %d.",
              "Pour %s, appuyez sur le %d.",
              "Pour toute autre demande, rappelez pendant les heures d'ouverture ou utilisez le portail en ligne.",
              "Veuillez laisser un message après le signal sonore, avec votre nom et votre numéro.",
              "Nous vous mettons en communication."),
          "es",
          new Texts(
              Say.Language.ES_MX,
              "Si se trata de una emergencia, cuelgue y marque 9-1-1.",
              "Para español, oprima %d.",
              "Para %s, oprima %d.",
              "Para cualquier otro asunto, llame durante el horario de atención o use el portal en línea.",
              "Deje un mensaje después del tono, con su nombre y número.",
              "Le comunicamos ahora."));

  static Texts of(String locale) {
    return TEXTS.getOrDefault(locale, TEXTS.get("en"));
  }
}
