package dev.shoal.library;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What looks private and is left out of a share unless the user says otherwise: keys, wallets,
 * password stores, browser profiles, mail stores and personal papers. Only names are looked at
 * (a file's own name, or a folder's), never contents, so the check costs nothing while walking.
 * Personal papers are matched only with a document or scan extension: a song called "Passport"
 * is still music.
 */
public final class PrivateFiles {
    /** The kinds of private file, each with the words a user reads in a list of what was left out. */
    public enum Family {
        SSH_KEY("SSH key"),
        GPG_KEY("GPG key"),
        WALLET("wallet"),
        PASSWORD_STORE("password store"),
        BROWSER_PROFILE("browser profile"),
        MAIL_STORE("mail store"),
        IDENTITY_DOCUMENT("identity document"),
        TAX_RETURN("tax return"),
        BANK_STATEMENT("bank statement");

        private final String label;

        Family(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Set<String> DOCUMENT_EXTENSIONS = Set.of("pdf", "jpg", "jpeg", "png", "gif", "bmp", "tif",
            "tiff", "heic", "webp", "doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "csv");

    private PrivateFiles() {
    }

    /** The family of a file that looks private, from its name; empty for anything else. */
    public static Optional<Family> ofFile(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        String ext = n.lastIndexOf('.') > 0 ? n.substring(n.lastIndexOf('.') + 1) : "";
        if (n.matches("id_(rsa|dsa|ecdsa|ed25519)(_sk)?(\\.pub)?|authorized_keys2?|known_hosts|ssh_host_.*key(\\.pub)?")
                || Set.of("ppk", "pem").contains(ext)) {
            return Optional.of(Family.SSH_KEY);
        }
        if (Set.of("secring.gpg", "secring.skr", "pubring.gpg", "pubring.kbx", "trustdb.gpg").contains(n)
                || Set.of("gpg", "pgp", "kbx").contains(ext)
                || ext.equals("asc") && words(n).matches(".* (secret|private|key)\\b.*")) {
            return Optional.of(Family.GPG_KEY);
        }
        if (n.equals("wallet.dat") || n.equals("default_wallet") || n.startsWith("utc--")
                || Set.of("wallet", "seco").contains(ext)) {
            return Optional.of(Family.WALLET);
        }
        if (Set.of("kdbx", "kdb", "psafe3", "opvault", "agilekeychain", "1pif", "keychain", "keychain-db", "keyring")
                .contains(ext)) {
            return Optional.of(Family.PASSWORD_STORE);
        }
        if (Set.of("cookies.sqlite", "logins.json", "key3.db", "key4.db", "places.sqlite", "formhistory.sqlite",
                "login data", "web data", "cookies").contains(n)) {
            return Optional.of(Family.BROWSER_PROFILE);
        }
        if (Set.of("mbox", "mbx", "eml", "emlx", "pst", "ost", "msf", "dbx").contains(ext)) {
            return Optional.of(Family.MAIL_STORE);
        }
        return DOCUMENT_EXTENSIONS.contains(ext) ? paper(words(n)) : Optional.empty();
    }

    /** The family of a folder whose whole content is private (a key ring, a profile); empty for others. */
    public static Optional<Family> ofFolder(Path folder) {
        Path name = folder.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.toString().toLowerCase(Locale.ROOT)) {
            case ".ssh" -> Optional.of(Family.SSH_KEY);
            case ".gnupg", "private-keys-v1.d" -> Optional.of(Family.GPG_KEY);
            case ".bitcoin", ".electrum", ".ethereum", "keystore", ".monero", "wallets" -> Optional.of(Family.WALLET);
            case ".password-store", "keyrings", ".keepass" -> Optional.of(Family.PASSWORD_STORE);
            case ".mozilla", "firefox", "google-chrome", "chromium", "bravesoftware", "user data" ->
                    Optional.of(Family.BROWSER_PROFILE);
            case ".thunderbird", "thunderbird", "maildir", ".maildir", ".mail" -> Optional.of(Family.MAIL_STORE);
            default -> Optional.empty();
        };
    }

    /** A document named like a passport, a tax return or a bank statement, from the words of its name. */
    private static Optional<Family> paper(String w) {
        if (w.matches(".* (passport|id card|identity card|driving licen[cs]e|drivers? licen[cs]e|birth certificate"
                + "|social security).*")) {
            return Optional.of(Family.IDENTITY_DOCUMENT);
        }
        if (w.matches(".* (tax ?returns?|tax forms?|tax statements?|taxes|tax|self assessment)\\b.*")) {
            return Optional.of(Family.TAX_RETURN);
        }
        if (w.matches(".* (bank|account|card|credit card) ?statements?\\b.*|.* (bankstatement|payslips?|pay slips?)\\b.*")
                || w.matches(".* bank\\b.*") && w.matches(".* statements?\\b.*")) {
            return Optional.of(Family.BANK_STATEMENT);
        }
        return Optional.empty();
    }

    /** The name as words: lower case, anything but letters and digits a space, one space in front. */
    private static String words(String lowerName) {
        return " " + lowerName.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
