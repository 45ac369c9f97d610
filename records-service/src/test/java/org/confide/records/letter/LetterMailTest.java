package org.confide.records.letter;

import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.client;
import static org.confide.records.Fixtures.rows;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.confide.records.MailTestResource;
import org.confide.records.letter.service.LetterMails;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LetterMailTest {

    @Inject
    LetterMails mails;

    static List<MimeMessage> to(String address) {
        return Arrays.stream(MailTestResource.server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    @Test
    @DisplayName(
            "R-CONS-3: an approved letter, once sent, is mailed to its recipient's address through a real SMTP server; a draft never is; the queue row holds no text")
    void mailedOnlyOnceSent() throws Exception {
        String address = "housing-" + UUID.randomUUID() + "@council.example";
        String c = client("prac-lm");
        String letter = as("practitioner", "prac-lm")
                .body("{\"recipient\": \"Housing Office\", \"body\": \"Please rehouse my client soon.\", "
                        + "\"recipientEmail\": \"" + address + "\"}")
                .post("/clients/" + c + "/letters")
                .then()
                .statusCode(201)
                .body("recipientEmail", equalTo(address))
                .extract()
                .path("id");
        String send = "/clients/" + c + "/letters/" + letter + "/send";
        as("practitioner", "prac-lm").post(send).then().statusCode(409).body("rule", equalTo("R-CONS-3"));
        mails.deliverDue();
        assertTrue(to(address).isEmpty(), "a draft is never mailed");

        as("client", c)
                .body("{\"approved\": true}")
                .post("/me/letters/" + letter + "/approval")
                .then()
                .statusCode(200);
        as("practitioner", "prac-lm").post(send).then().statusCode(200).body("status", equalTo("SENT"));
        mails.deliverDue();
        List<MimeMessage> got = to(address);
        assertEquals(1, got.size());
        assertTrue(GreenMailUtil.getBody(got.getFirst()).contains("Please rehouse my client soon."));
        assertEquals(
                "DELIVERED",
                rows("select status from letter_mail where letter_id = ?1", UUID.fromString(letter))
                        .getFirst()[0]);
        for (Object[] r : rows("select recipient_email from letter where id = ?1", UUID.fromString(letter))) {
            assertFalse(new String((byte[]) r[0], StandardCharsets.ISO_8859_1).contains("council.example"));
        }
        as("practitioner", "prac-lm")
                .body("{\"recipient\": \"X\", \"body\": \"y\", \"recipientEmail\": \"not an address\"}")
                .post("/clients/" + c + "/letters")
                .then()
                .statusCode(422);
    }
}
