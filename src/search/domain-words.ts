/**
 * Common words of Finnish, Swedish and English social and welfare services, used as
 * parts when splitting compounds (`omaishoitajan` → `omais` + `hoitajan`). General
 * vocabulary of the field, not of any one catalog.
 */
export const DOMAIN_WORDS: readonly string[] = [
  // people
  'asiakas', 'omainen', 'läheinen', 'perhe', 'vanhempi', 'äiti', 'isä', 'lapsi', 'nuori', 'nuoret', 'aikuinen',
  'vanhus', 'ikäihminen', 'ikääntynyt', 'eläkeläinen', 'mies', 'nainen', 'opiskelija', 'työtön', 'maahanmuuttaja',
  'pakolainen', 'uhri', 'tekijä', 'vertainen', 'vapaaehtoinen', 'hoitaja', 'ohjaaja', 'neuvoja', 'juristi', 'asukas',
  'sateenkaari', 'mielenterveyskuntoutuja', 'vammainen', 'sairas', 'leski', 'puoliso', 'kumppani',
  // help and services
  'apu', 'tuki', 'neuvonta', 'ohjaus', 'palvelu', 'toiminta', 'ryhmä', 'kerho', 'piiri', 'keskus', 'paikka',
  'puhelin', 'linja', 'chat', 'päivystys', 'vastaanotto', 'kohtaamispaikka', 'olohuone', 'kahvila', 'talo',
  'koti', 'asunto', 'asuminen', 'suoja', 'majoitus', 'turva', 'ensi', 'hätä', 'kriisi', 'keskustelu', 'terapia',
  'hoito', 'kuntoutus', 'laitos', 'katkaisu', 'vieroitus', 'avohoito', 'vertaistuki', 'tukihenkilö', 'ystävä',
  'ystävätoiminta', 'kotikäynti', 'lähete', 'maksuton', 'nimetön', 'ilta', 'yö', 'viikonloppu', 'lounas', 'ruoka',
  'jakelu', 'kassi', 'avustus', 'etuus', 'hakemus', 'asiointi', 'lomake', 'sovittelu', 'oikeus', 'oikeusapu',
  'edunvalvonta', 'lausunto', 'todistaja', 'oikeudenkäynti', 'rikos', 'ilmoitus', 'poliisi', 'neuvola',
  'koulu', 'opinnot', 'työ', 'työllisyys', 'harjoittelu', 'valmennus', 'kurssi', 'leiri', 'loma',
  // problems
  'ongelma', 'vaikeus', 'huoli', 'velka', 'laina', 'vippi', 'pikavippi', 'ulosotto', 'perintä', 'talous', 'raha',
  'budjetti', 'vuokra', 'rästi', 'häätö', 'asunnottomuus', 'asunnoton', 'koditon', 'väkivalta', 'lähisuhde',
  'perhe', 'seksuaalinen', 'raiskaus', 'hyväksikäyttö', 'ahdistelu', 'häirintä', 'kiusaaminen', 'vaino', 'uhkailu',
  'uhka', 'päihde', 'alkoholi', 'huume', 'humala', 'juominen', 'riippuvuus', 'peli', 'rahapeli', 'pelaaminen', 'kasino',
  'mielenterveys', 'masennus', 'ahdistus', 'uupumus', 'stressi', 'itsetuho', 'itsemurha', 'ajatus', 'yksinäisyys',
  'yksinäinen', 'suru', 'menetys', 'kuolema', 'ero', 'huoltajuus', 'elatus', 'tapaaminen', 'kotoutuminen',
  'kieli', 'digi', 'digituki', 'tietokone', 'sairaus', 'vamma', 'muisti', 'omaishoito', 'omaishoitaja',
  'ruoka-apu', 'nälkä', 'toimeentulo', 'toimeentulotuki', 'terveys', 'neula', 'ruisku', 'vaihto', 'terveysneuvonta',
  // Swedish and English
  'hjälp', 'stöd', 'rådgivning', 'skuld', 'skulder', 'våld', 'missbruk', 'boende', 'anhörig', 'ensamhet', 'kris',
  'jour', 'samtal', 'grupp', 'ungdom', 'äldre', 'familj', 'help', 'support', 'advice', 'debt', 'violence', 'crisis',
  'line', 'group', 'peer', 'housing', 'shelter', 'food', 'legal', 'young', 'youth', 'elderly', 'family',
  'speaking', 'abuse', 'addiction', 'gambling', 'loneliness', 'grief', 'needle', 'exchange',
];
