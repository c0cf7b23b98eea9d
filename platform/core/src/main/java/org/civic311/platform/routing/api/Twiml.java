package org.civic311.platform.routing.api;

import static com.twilio.http.HttpMethod.POST;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import java.util.List;
import org.civic311.platform.routing.domain.CallPlan;
import org.civic311.platform.routing.domain.PhoneNumber;

/** A call plan as TwiML, built with Twilio's own library. */
final class Twiml {
  static final String LANGUAGE_ACTION = "/api/v1/voice/language";
  static final String URGENT_ACTION = "/api/v1/voice/urgent";

  private Twiml() {}

  static String of(List<CallPlan.Step> steps) {
    VoiceResponse.Builder response = new VoiceResponse.Builder();
    for (CallPlan.Step step : steps) {
      if (step instanceof CallPlan.EmergencyPrompt p) {
        response.say(say(VoicePrompts.of(p.locale()).emergency(), p.locale()));
      } else if (step instanceof CallPlan.Say s) {
        response.say(say(s.text(), s.locale()));
      } else if (step instanceof CallPlan.Closed c) {
        response.say(say(c.message(), c.locale()));
      } else if (step instanceof CallPlan.LanguageMenu m) {
        Gather.Builder gather =
            new Gather.Builder().numDigits(1).timeout(5).action(LANGUAGE_ACTION).method(POST);
        for (int i = 0; i < m.locales().size(); i++) {
          String locale = m.locales().get(i);
          gather.say(say(String.format(VoicePrompts.of(locale).languageChoice(), i + 1), locale));
        }
        response.gather(gather.build());
        // no key pressed: the first language
        response.redirect(new Redirect.Builder(LANGUAGE_ACTION + "?Digits=1").method(POST).build());
      } else if (step instanceof CallPlan.UrgentMenu u) {
        Gather.Builder gather =
            new Gather.Builder()
                .numDigits(1)
                .timeout(6)
                .action(URGENT_ACTION + "?lang=" + u.locale())
                .method(POST);
        for (int i = 0; i < u.options().size(); i++) {
          String text =
              String.format(
                  VoicePrompts.of(u.locale()).urgentChoice(), u.options().get(i).label(), i + 1);
          gather.say(say(text, u.locale()));
        }
        response.gather(gather.build());
        response.say(say(VoicePrompts.of(u.locale()).urgentOtherwise(), u.locale()));
        response.hangup(new Hangup.Builder().build());
      } else if (step instanceof CallPlan.Enqueue q) {
        response.enqueue(new Enqueue.Builder(q.queue()).build());
      } else if (step instanceof CallPlan.Dial d) {
        response.dial(dial(d.number()));
      } else if (step instanceof CallPlan.Voicemail v) {
        response.say(say(VoicePrompts.of(v.locale()).voicemail(), v.locale()));
        response.record(new Record.Builder().maxLength(120).playBeep(true).build());
        response.hangup(new Hangup.Builder().build());
      }
    }
    return response.build().toXml();
  }

  /** Connecting an after-hours caller to the on-call number. */
  static String connect(PhoneNumber number, String locale) {
    return new VoiceResponse.Builder()
        .say(say(VoicePrompts.of(locale).connecting(), locale))
        .dial(dial(number))
        .build()
        .toXml();
  }

  /** A caller who pressed nothing useful on the trouble line. */
  static String otherwise(String locale) {
    return new VoiceResponse.Builder()
        .say(say(VoicePrompts.of(locale).urgentOtherwise(), locale))
        .hangup(new Hangup.Builder().build())
        .build()
        .toXml();
  }

  private static Say say(String text, String locale) {
    return new Say.Builder(text).language(VoicePrompts.of(locale).voice()).build();
  }

  private static Dial dial(PhoneNumber number) {
    return new Dial.Builder().number(new Number.Builder(number.e164()).build()).build();
  }
}
