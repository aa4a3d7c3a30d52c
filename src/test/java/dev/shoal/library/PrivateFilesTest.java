package dev.shoal.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.library.PrivateFiles.Family;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per family of private files, each with names that must not be caught with it. */
class PrivateFilesTest {
    private static Optional<Family> file(String path) {
        return PrivateFiles.ofFile(Path.of(path));
    }

    private static Optional<Family> folder(String path) {
        return PrivateFiles.ofFolder(Path.of(path));
    }

    @Test
    void sshKeys() {
        for (String name : new String[] {"id_rsa", "id_rsa.pub", "ID_ED25519", "id_ecdsa_sk", "authorized_keys",
                "known_hosts", "ssh_host_rsa_key", "server.ppk", "private.pem"}) {
            assertThat(file("share/" + name)).as(name).contains(Family.SSH_KEY);
        }
        assertThat(folder("home/.ssh")).contains(Family.SSH_KEY);
        assertThat(file("share/id_rsa_notes.mp3")).isEmpty();
    }

    @Test
    void gpgKeys() {
        for (String name : new String[] {"secring.gpg", "pubring.kbx", "trustdb.gpg", "backup.gpg", "me.pgp",
                "my-secret-key.asc", "private key.asc"}) {
            assertThat(file(name)).as(name).contains(Family.GPG_KEY);
        }
        assertThat(folder(".gnupg")).contains(Family.GPG_KEY);
        assertThat(folder("private-keys-v1.d")).contains(Family.GPG_KEY);
        assertThat(file("song.mp3.asc")).as("a signature of a song").isEmpty();
    }

    @Test
    void wallets() {
        for (String name : new String[] {"wallet.dat", "Wallet.DAT", "default_wallet", "savings.wallet",
                "UTC--2021-01-01T00-00-00.0Z--abcdef", "seed.seco"}) {
            assertThat(file(name)).as(name).contains(Family.WALLET);
        }
        assertThat(folder(".bitcoin")).contains(Family.WALLET);
        assertThat(folder(".electrum")).contains(Family.WALLET);
        assertThat(file("wallet song.ogg")).isEmpty();
    }

    @Test
    void passwordStores() {
        for (String name : new String[] {"Passwords.kdbx", "old.kdb", "vault.psafe3", "login.keychain-db",
                "export.1pif", "default.keyring"}) {
            assertThat(file(name)).as(name).contains(Family.PASSWORD_STORE);
        }
        assertThat(folder(".password-store")).contains(Family.PASSWORD_STORE);
        assertThat(folder("keyrings")).contains(Family.PASSWORD_STORE);
    }

    @Test
    void browserProfiles() {
        for (String name : new String[] {"cookies.sqlite", "logins.json", "key4.db", "places.sqlite", "Login Data",
                "Cookies"}) {
            assertThat(file(name)).as(name).contains(Family.BROWSER_PROFILE);
        }
        assertThat(folder(".mozilla")).contains(Family.BROWSER_PROFILE);
        assertThat(folder("google-chrome")).contains(Family.BROWSER_PROFILE);
        assertThat(file("cookies recipe.pdf")).isEmpty();
    }

    @Test
    void mailStores() {
        for (String name : new String[] {"Inbox.mbox", "letter.eml", "Outlook.pst", "archive.ost", "Inbox.msf"}) {
            assertThat(file(name)).as(name).contains(Family.MAIL_STORE);
        }
        assertThat(folder(".thunderbird")).contains(Family.MAIL_STORE);
        assertThat(folder("Maildir")).contains(Family.MAIL_STORE);
    }

    @Test
    void identityDocuments() {
        for (String name : new String[] {"passport-scan.pdf", "Passport2019.jpg", "my_passport.png", "ID card.jpeg",
                "driving-licence.pdf", "birth certificate.tiff"}) {
            assertThat(file(name)).as(name).contains(Family.IDENTITY_DOCUMENT);
        }
        assertThat(file("Passport.mp3")).as("a song called Passport").isEmpty();
        assertThat(file("compassport.pdf")).isEmpty();
    }

    @Test
    void taxReturns() {
        for (String name : new String[] {"tax-return-2023.pdf", "TaxReturn.pdf", "taxes 2022.xlsx", "tax 2021.doc",
                "self assessment.odt"}) {
            assertThat(file(name)).as(name).contains(Family.TAX_RETURN);
        }
        assertThat(file("taxi driver.pdf")).isEmpty();
        assertThat(file("tax return.flac")).as("not a document").isEmpty();
    }

    @Test
    void bankStatements() {
        for (String name : new String[] {"bank-statement-march.pdf", "Bank Statement 2023.png",
                "credit card statement.pdf", "account_statements.csv", "payslip-may.pdf", "bank 2020 statement.pdf"}) {
            assertThat(file(name)).as(name).contains(Family.BANK_STATEMENT);
        }
        assertThat(file("river bank.jpg")).isEmpty();
        assertThat(file("statement of intent.pdf")).isEmpty();
    }

    @Test
    void musicVideoAndOrdinaryDocumentsAreNotPrivate() {
        for (String name : new String[] {"ocean waves.mp3", "harbour at dawn.flac", "holiday.mkv", "recipe.pdf",
                "README.txt", "cover.jpg", "Keys to the Kingdom.mp3"}) {
            assertThat(file(name)).as(name).isEmpty();
        }
        assertThat(folder("Music")).isEmpty();
        assertThat(folder("Mail Art")).isEmpty();
    }
}
