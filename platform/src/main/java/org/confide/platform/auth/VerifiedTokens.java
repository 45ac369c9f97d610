package org.confide.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded memory of tokens whose signature, issuer and audience were verified, so that the same bearer token is not
 * RSA-verified on every request (issue 24: a quarter of the profile). Keyed by the SHA-256 of the whole token string,
 * signature included: a token changed in any byte is another key and is verified afresh. An entry is used only before
 * its {@code until} (the token's {@code exp}, or sooner), so an expired token is never accepted from here.
 *
 * @param <T> what the verification produced (the caller principal)
 */
public final class VerifiedTokens<T> {

    private record Entry<T>(T verified, long until, Object context) {}

    private final int maxSize;
    private final Map<Key, Entry<T>> entries = new ConcurrentHashMap<>();

    /** @param maxSize most tokens held; 0 holds none (every request verifies) */
    public VerifiedTokens(int maxSize) {
        if (maxSize < 0) throw new IllegalArgumentException("maxSize must not be negative");
        this.maxSize = maxSize;
    }

    /**
     * What {@code token} verified to, if it was verified under the same {@code context} (the verification settings) and
     * {@code nowSeconds} is before the entry's end; otherwise null, and an entry past its end is dropped.
     */
    public T get(String token, Object context, long nowSeconds) {
        if (maxSize == 0) return null;
        Key key = Key.of(token);
        Entry<T> e = entries.get(key);
        if (e == null) return null;
        if (nowSeconds >= e.until() || e.context() != context) {
            entries.remove(key, e);
            return null;
        }
        return e.verified();
    }

    /** Remembers a verified token until {@code untilSeconds} (exclusive); one already past it is not kept. */
    public void put(String token, Object context, T verified, long untilSeconds, long nowSeconds) {
        if (maxSize == 0 || untilSeconds <= nowSeconds) return;
        if (entries.size() >= maxSize) {
            makeRoom(nowSeconds);
        }
        entries.put(Key.of(token), new Entry<>(verified, untilSeconds, context));
    }

    /** Forgets every token: the verification keys changed, so each must be verified again. */
    public void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }

    // Expired entries go first; if the cache is still full, arbitrary ones, down to three quarters of the bound.
    private void makeRoom(long nowSeconds) {
        entries.values().removeIf(e -> nowSeconds >= e.until());
        int target = maxSize - Math.max(1, maxSize / 4);
        Iterator<Key> it = entries.keySet().iterator();
        while (entries.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** The SHA-256 of the token string: the cache holds no usable bearer token. */
    private record Key(byte[] sha256, int hash) {
        static Key of(String token) {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
                return new Key(d, Arrays.hashCode(d));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && MessageDigest.isEqual(sha256, k.sha256);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
