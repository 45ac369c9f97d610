package org.confide.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/domain.md "Roles": a token is accepted only as verified; the cache must not widen that. */
class VerifiedTokensTest {

    private static final Object SETTINGS = new Object();
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "before its end it is known              | 100 | 99  | true",
                "at its end (exp) it is refused           | 100 | 100 | false",
                "after its end it is refused              | 100 | 500 | false"
            })
    @DisplayName("a verified token is known until its exp, never at or after it")
    void untilExp(String what, long until, long now, boolean known) {
        VerifiedTokens<String> cache = new VerifiedTokens<>(10);
        cache.put(TOKEN, SETTINGS, "principal", until, 10);
        assertEquals(known ? "principal" : null, cache.get(TOKEN, SETTINGS, now), what);
    }

    @Test
    @DisplayName("an expired token found in the cache is dropped from it")
    void expiredDropped() {
        VerifiedTokens<String> cache = new VerifiedTokens<>(10);
        cache.put(TOKEN, SETTINGS, "principal", 100, 10);
        assertNull(cache.get(TOKEN, SETTINGS, 100));
        assertEquals(0, cache.size());
        assertNull(cache.get(TOKEN, SETTINGS, 50), "once refused, it must be verified again");
    }

    @Test
    @DisplayName("a token already past its end is not kept")
    void alreadyExpiredNotKept() {
        VerifiedTokens<String> cache = new VerifiedTokens<>(10);
        cache.put(TOKEN, SETTINGS, "principal", 100, 100);
        assertEquals(0, cache.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "another signature                  | eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJf",
                "the signature cut off              | eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.",
                "another payload, same signature    | eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MiJ9.c2lnbmF0dXJl",
                "one more character                 | eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJlA"
            })
    @DisplayName("a token differing in any byte, signature included, is not the cached one")
    void anyChangeMisses(String what, String forged) {
        VerifiedTokens<String> cache = new VerifiedTokens<>(10);
        cache.put(TOKEN, SETTINGS, "principal", 100, 10);
        assertNull(cache.get(forged, SETTINGS, 20), what);
        assertEquals("principal", cache.get(TOKEN, SETTINGS, 20));
    }

    @Test
    @DisplayName("a token verified under other settings is verified again")
    void otherSettings() {
        VerifiedTokens<String> cache = new VerifiedTokens<>(10);
        cache.put(TOKEN, SETTINGS, "principal", 100, 10);
        assertNull(cache.get(TOKEN, new Object(), 20));
    }

    @Test
    @DisplayName("the cache never holds more than its bound, and keeps the newest token")
    void bounded() {
        VerifiedTokens<String> cache = new VerifiedTokens<>(100);
        for (int i = 0; i < 1_000; i++) {
            cache.put(TOKEN + i, SETTINGS, "p" + i, 1_000, 10);
            assertTrue(cache.size() <= 100, "size " + cache.size() + " after " + (i + 1));
        }
        assertEquals("p999", cache.get(TOKEN + 999, SETTINGS, 20));
    }

    @Test
    @DisplayName("full of expired tokens, the cache drops those first")
    void expiredMakeRoom() {
        VerifiedTokens<String> cache = new VerifiedTokens<>(4);
        for (int i = 0; i < 4; i++) cache.put(TOKEN + i, SETTINGS, "old" + i, 50, 10);
        cache.put("fresh-1", SETTINGS, "f1", 1_000, 60);
        cache.put("fresh-2", SETTINGS, "f2", 1_000, 60);
        assertEquals(2, cache.size());
        assertEquals("f1", cache.get("fresh-1", SETTINGS, 60));
    }

    @Test
    @DisplayName("a key change empties the cache; a bound of 0 keeps nothing")
    void clearAndZero() {
        VerifiedTokens<String> cache = new VerifiedTokens<>(10);
        cache.put(TOKEN, SETTINGS, "principal", 100, 10);
        cache.clear();
        assertNull(cache.get(TOKEN, SETTINGS, 20));
        VerifiedTokens<String> none = new VerifiedTokens<>(0);
        none.put(TOKEN, SETTINGS, "principal", 100, 10);
        assertNull(none.get(TOKEN, SETTINGS, 20));
    }
}
