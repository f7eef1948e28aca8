import type { ProblemType } from '../problems.ts';

/**
 * What each problem type means and how a client fixes it, in Finnish, Swedish and
 * English: served at `/problems/<type>`, the `type` URI of every problem answer.
 */

export type GuideLang = 'fi' | 'sv' | 'en';

export interface ProblemGuide {
  /** What happened. */
  meaning: string;
  /** What the client can do about it. */
  fix: string;
}

export const PROBLEM_GUIDE: Record<ProblemType, Record<GuideLang, ProblemGuide>> = {
  'validation': {
    fi: { meaning: 'Pyynnössä on kenttä tai parametri, jota ei tunneta tai jonka arvo ei kelpaa. Vastauksen errors-luettelo nimeää jokaisen kentän (field) ja kertoo, mikä siinä on vialla.', fix: 'Korjaa nimetyt kentät. Tuntemattomalle parametrille ehdotetaan lähintä tunnettua nimeä; sallitut arvot luetellaan, ja koodit löytyvät osoitteista /v1/areas (kunnat ja hyvinvointialueet) ja /v1/taxonomies (tarpeet ja muut luokitukset).' },
    sv: { meaning: 'Begäran har ett fält eller en parameter som inte är känd eller vars värde inte duger. Svarets errors-lista namnger varje fält (field) och säger vad som är fel.', fix: 'Rätta de namngivna fälten. För en okänd parameter föreslås det närmaste kända namnet; tillåtna värden listas, och koderna finns under /v1/areas (kommuner och välfärdsområden) och /v1/taxonomies (behov och andra klassificeringar).' },
    en: { meaning: 'The request has a field or parameter that is not known or whose value is not valid. The errors list of the answer names each field and says what is wrong with it.', fix: 'Correct the named fields. An unknown parameter comes with the closest known name; allowed values are listed, and the codes are at /v1/areas (municipalities and wellbeing areas) and /v1/taxonomies (needs and other classifications).' },
  },
  'malformed-json': {
    fi: { meaning: 'Pyynnön runko ei ole kelvollista JSONia.', fix: 'Lähetä kelvollinen JSON-dokumentti ja otsake Content-Type: application/json.' },
    sv: { meaning: 'Begärans kropp är inte giltig JSON.', fix: 'Skicka ett giltigt JSON-dokument med rubriken Content-Type: application/json.' },
    en: { meaning: 'The request body is not valid JSON.', fix: 'Send a valid JSON document with the header Content-Type: application/json.' },
  },
  'unauthorized': {
    fi: { meaning: 'Toiminto vaatii API-avaimen, tai annettu avain ei kelpaa.', fix: 'Lähetä otsake Authorization: Bearer <avain>. Avaimen antaa ylläpitäjä (tarjotin keys create tai POST /v1/keys).' },
    sv: { meaning: 'Åtgärden kräver en API-nyckel, eller den givna nyckeln duger inte.', fix: 'Skicka rubriken Authorization: Bearer <nyckel>. Nyckeln ges av en administratör (tarjotin keys create eller POST /v1/keys).' },
    en: { meaning: 'The operation needs an API key, or the key given is not valid.', fix: 'Send the header Authorization: Bearer <key>. An administrator issues keys (tarjotin keys create or POST /v1/keys).' },
  },
  'forbidden': {
    fi: { meaning: 'Avain on kelvollinen, mutta sen rooli tai organisaatio ei salli tätä toimintoa.', fix: 'Käytä avainta, jolla on oikeus: muokkaaja-avain muuttaa vain oman organisaationsa tietoja, lukija-avain ei muuta mitään.' },
    sv: { meaning: 'Nyckeln är giltig men dess roll eller organisation tillåter inte åtgärden.', fix: 'Använd en nyckel med rätt behörighet: en redaktörsnyckel ändrar bara den egna organisationens uppgifter, en läsnyckel ändrar ingenting.' },
    en: { meaning: 'The key is valid but its role or organization does not allow this operation.', fix: 'Use a key that may do it: an editor key changes only its own organization\'s records, a reader key changes nothing.' },
  },
  'not-found': {
    fi: { meaning: 'Osoitetta tai tunnistetta ei ole, tai tietue on poistettu.', fix: 'Tarkista polku ja tunniste; rajapinnan kuvaus on osoitteessa /docs.' },
    sv: { meaning: 'Adressen eller identifieraren finns inte, eller posten har tagits bort.', fix: 'Kontrollera sökvägen och identifieraren; gränssnittet beskrivs på /docs.' },
    en: { meaning: 'There is no such path or identifier, or the record has been deleted.', fix: 'Check the path and the identifier; the API is described at /docs.' },
  },
  'method-not-allowed': {
    fi: { meaning: 'Polku on olemassa, mutta ei tällä HTTP-metodilla.', fix: 'Käytä jotakin otsakkeen Allow luettelemista metodeista.' },
    sv: { meaning: 'Sökvägen finns, men inte med denna HTTP-metod.', fix: 'Använd en av metoderna i rubriken Allow.' },
    en: { meaning: 'The path exists, but not with this HTTP method.', fix: 'Use one of the methods the Allow header lists.' },
  },
  'conflict': {
    fi: { meaning: 'Pyyntö on ristiriidassa nykyisen tilan kanssa (esimerkiksi tunniste on jo käytössä).', fix: 'Lue tietue uudelleen ja tee pyyntö sen nykyisen tilan mukaan.' },
    sv: { meaning: 'Begäran står i konflikt med det nuvarande läget (till exempel en identifierare som redan används).', fix: 'Läs posten på nytt och gör begäran utifrån dess nuvarande läge.' },
    en: { meaning: 'The request conflicts with the current state (for example an identifier already in use).', fix: 'Read the record again and make the request against its current state.' },
  },
  'request-timeout': {
    fi: { meaning: 'Pyyntö ei saapunut kokonaan määräajassa.', fix: 'Lähetä pyyntö uudelleen ja kokonaan kerralla; tarkista yhteys.' },
    sv: { meaning: 'Begäran kom inte fram i sin helhet inom tidsgränsen.', fix: 'Skicka begäran på nytt och i sin helhet; kontrollera förbindelsen.' },
    en: { meaning: 'The whole request did not arrive in time.', fix: 'Send the request again, all at once; check the connection.' },
  },
  'uri-too-long': {
    fi: { meaning: 'Osoitteen jokin osa on pidempi kuin mikään tunniste.', fix: 'Tarkista osoite: polun tunnisteet ovat UUID-muotoisia (36 merkkiä).' },
    sv: { meaning: 'En del av adressen är längre än någon identifierare.', fix: 'Kontrollera adressen: identifierarna i sökvägen är UUID:n (36 tecken).' },
    en: { meaning: 'A part of the address is longer than any id.', fix: 'Check the address: the ids in the path are UUIDs (36 characters).' },
  },
  'ptv-managed': {
    fi: { meaning: 'Kenttä tulee Palvelutietovarannosta (PTV), ja sitä muutetaan siellä.', fix: 'Muuta tieto PTV:ssä; seuraava synkronointi tuo muutoksen tänne. Muut kentät voi muuttaa täällä.' },
    sv: { meaning: 'Fältet kommer från Servicedatalagret (PTV) och ändras där.', fix: 'Ändra uppgiften i PTV; nästa synkronisering för hit ändringen. Övriga fält kan ändras här.' },
    en: { meaning: 'The field comes from the Finnish Service Catalogue (PTV) and is changed there.', fix: 'Change it in PTV; the next synchronisation brings the change here. Other fields can be changed here.' },
  },
  'precondition-failed': {
    fi: { meaning: 'Tietue on muuttunut sen jälkeen, kun se luettiin: If-Match-otsakkeen versio ei ole enää voimassa.', fix: 'Lue tietue uudelleen (sen ETag-otsake on nykyinen versio), yhdistä muutoksesi ja lähetä uudella If-Match-arvolla.' },
    sv: { meaning: 'Posten har ändrats sedan den lästes: versionen i rubriken If-Match gäller inte längre.', fix: 'Läs posten på nytt (dess ETag är den nuvarande versionen), för in dina ändringar och skicka med det nya If-Match-värdet.' },
    en: { meaning: 'The record has changed since it was read: the version in If-Match is no longer current.', fix: 'Read the record again (its ETag is the current version), reapply your change and send it with the new If-Match value.' },
  },
  'payload-too-large': {
    fi: { meaning: 'Pyynnön runko on suurempi kuin sallittu (1 MiB).', fix: 'Jaa tiedot pienempiin pyyntöihin.' },
    sv: { meaning: 'Begärans kropp är större än tillåtet (1 MiB).', fix: 'Dela upp uppgifterna i mindre begäranden.' },
    en: { meaning: 'The request body is larger than allowed (1 MiB).', fix: 'Split the data into smaller requests.' },
  },
  'unsupported-media-type': {
    fi: { meaning: 'Rungon sisältötyyppiä ei tueta.', fix: 'Lähetä Content-Type: application/json (osittaiset muutokset: application/merge-patch+json tai application/json-patch+json).' },
    sv: { meaning: 'Kroppens innehållstyp stöds inte.', fix: 'Skicka Content-Type: application/json (partiella ändringar: application/merge-patch+json eller application/json-patch+json).' },
    en: { meaning: 'The content type of the body is not supported.', fix: 'Send Content-Type: application/json (partial changes: application/merge-patch+json or application/json-patch+json).' },
  },
  'unprocessable': {
    fi: { meaning: 'Pyyntö on muodoltaan oikein, mutta sitä ei voi toteuttaa (esimerkiksi muutos rikkoisi tietueen).', fix: 'Lue vastauksen detail ja korjaa pyynnön sisältö sen mukaan.' },
    sv: { meaning: 'Begäran har rätt form men kan inte genomföras (till exempel skulle ändringen göra posten ogiltig).', fix: 'Läs svarets detail och rätta begärans innehåll därefter.' },
    en: { meaning: 'The request is well formed but cannot be applied (for example the change would make the record invalid).', fix: 'Read the detail of the answer and correct the request accordingly.' },
  },
  'idempotency-key-reused': {
    fi: { meaning: 'Samaa Idempotency-Key-arvoa on käytetty toisenlaisen pyynnön kanssa.', fix: 'Käytä jokaiselle eri pyynnölle uutta avainta; toista samaa avainta vain täsmälleen saman pyynnön uusintaan.' },
    sv: { meaning: 'Samma Idempotency-Key har använts med en annan begäran.', fix: 'Använd en ny nyckel för varje ny begäran; återanvänd en nyckel bara för att upprepa exakt samma begäran.' },
    en: { meaning: 'The same Idempotency-Key was used with a different request.', fix: 'Use a new key for every distinct request; repeat a key only to retry exactly the same request.' },
  },
  'precondition-required': {
    fi: { meaning: 'Muutos vaatii If-Match-otsakkeen, jotta toisen tekemä muutos ei jää huomaamatta.', fix: 'Lue tietue, ja lähetä sen ETag-arvo otsakkeessa If-Match (esimerkiksi If-Match: "3").' },
    sv: { meaning: 'Ändringen kräver rubriken If-Match, så att ingen annans ändring går förlorad.', fix: 'Läs posten och skicka dess ETag i rubriken If-Match (till exempel If-Match: "3").' },
    en: { meaning: 'The change needs an If-Match header, so that nobody else\'s change is lost.', fix: 'Read the record and send its ETag in the If-Match header (for example If-Match: "3").' },
  },
  'rate-limited': {
    fi: { meaning: 'Avaimella tai osoitteella on tehty liikaa pyyntöjä minuutissa.', fix: 'Odota Retry-After-otsakkeen ilmoittama aika ja jatka hitaammin.' },
    sv: { meaning: 'Nyckeln eller adressen har gjort för många begäranden per minut.', fix: 'Vänta den tid som rubriken Retry-After anger och fortsätt långsammare.' },
    en: { meaning: 'The key or address has made too many requests a minute.', fix: 'Wait the time the Retry-After header gives and continue more slowly.' },
  },
  'headers-too-large': {
    fi: { meaning: 'Pyynnön otsakkeet ovat liian suuret.', fix: 'Lähetä vähemmän tai lyhyempiä otsakkeita (esimerkiksi evästeet).' },
    sv: { meaning: 'Begärans rubriker är för stora.', fix: 'Skicka färre eller kortare rubriker (till exempel kakor).' },
    en: { meaning: 'The request headers are too large.', fix: 'Send fewer or shorter headers (cookies, for example).' },
  },
  'internal': {
    fi: { meaning: 'Palvelussa tapahtui odottamaton virhe; pyyntö ei muuttanut mitään.', fix: 'Yritä myöhemmin uudelleen; jos virhe toistuu, ilmoita ylläpitäjälle ajankohta ja osoite.' },
    sv: { meaning: 'Ett oväntat fel inträffade i tjänsten; begäran ändrade ingenting.', fix: 'Försök igen senare; om felet upprepas, meddela administratören tidpunkt och adress.' },
    en: { meaning: 'An unexpected error happened in the service; the request changed nothing.', fix: 'Try again later; if it recurs, tell the administrator the time and the path.' },
  },
  'unavailable': {
    fi: { meaning: 'Taustapalvelu (tietokanta tai hakuhakemisto) ei ole juuri nyt käytettävissä, palvelu on ylikuormittunut tai sammumassa.', fix: 'Yritä uudelleen Retry-After-otsakkeen ilmoittaman ajan kuluttua.' },
    sv: { meaning: 'En bakomliggande tjänst (databasen eller sökindexet) är inte tillgänglig just nu, eller tjänsten är överbelastad eller håller på att stängas.', fix: 'Försök igen efter den tid som rubriken Retry-After anger.' },
    en: { meaning: 'A backing store (the database or the search index) is not available right now, or the service is overloaded or shutting down.', fix: 'Retry after the time the Retry-After header gives.' },
  },
};
