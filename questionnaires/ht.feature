# Scenario file for the Haiti questionnaire (ht.yaml).
#
# Each scenario describes an interview in plain words and what natid must conclude
# from it. Run them all with:
#
#     natid test questionnaires/ht.yaml
#
# docs/scenarios.md explains how to write scenarios and lists every sentence natid
# understands. Questions are named by their id in ht.yaml ("monnaie", "capitale"…).

Feature: The Haiti questionnaire's rules
  Haiti's consulates can certify nationality once four answers are confirmed.
  Declining to answer never counts against the person; wrong answers and
  contradicted documents call for a consular interview.

  Background:
    Given an interview with the Haiti questionnaire

  # -- The country's rule: four confirmations ---------------------------------------

  Scenario: Four confirmations meet the rule
    When the person gives these answers:
      | question        | answer          |
      | pieces_identite | CINU            |
      | langues         | ht, fr          |
      | capitale        | Port-au-Prince  |
      | monnaie         | gourde          |
    And the officer confirms these answers:
      | question        | because                                              |
      | pieces_identite | CINU card seen, photo matches                        |
      | langues         | the interpreter confirms fluent Haitian Creole       |
    Then "pieces_identite" is confirmed
    And "monnaie" is confirmed
    And the country's rule is met with 4 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "presumption supported"

  Scenario: Three confirmations are one too few
    When the person gives these answers:
      | question        | answer          |
      | pieces_identite | CINU            |
      | langues         | ht, fr          |
      | capitale        | Port-au-Prince  |
    And the officer confirms these answers:
      | question        | because                                              |
      | pieces_identite | CINU card seen, photo matches                        |
      | langues         | the interpreter confirms fluent Haitian Creole       |
    Then the country's rule is not met with 3 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "insufficient"

  Scenario: Civil-status details stay for the consulate to check
    When the person answers "nom" with "Jean-Baptiste"
    And the person answers "prenoms" with "Marie Carmelle"
    And the person answers "date_naissance" with "1994-07-12"
    Then "nom" is unconfirmed
    And "date_naissance" is unconfirmed
    And the country's rule is not met with 0 confirmations

  Scenario: Answers in Haitian Creole are checked against the Creole spellings
    Given an interview in Haitian Creole with an officer working in French
    When the person answers "departement_naissance" with "Latibonit"
    And the person answers "chef_lieu" with "Gonayiv"
    And the person answers "capitale" with "Pòtoprens"
    And the person answers "monnaie" with "goud"
    Then "chef_lieu" is confirmed
    And "capitale" is confirmed
    And "monnaie" is confirmed
    And the country's rule is not met with 3 confirmations

  Scenario: The North-West department is understood by its name
    When the person answers "departement_naissance" with "Nord-Ouest"
    And the person answers "chef_lieu" with "Port-de-Paix"
    Then "chef_lieu" is confirmed

  # -- Contradictions pull towards non-nationality ----------------------------------

  Scenario: Wrong answers about Haiti call for a consular interview
    When the person answers "capitale" with "Santo Domingo"
    And the person answers "monnaie" with "peso"
    Then "capitale" is contradicted
    And "monnaie" is contradicted
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: An identity card the officer finds false calls for a consular interview
    When the person answers "pieces_identite" with "CIN"
    And the officer contradicts "pieces_identite" because "the card shown belongs to someone else"
    Then "pieces_identite" is contradicted
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A false identity card outweighs right answers about Haiti
    When the person answers "pieces_identite" with "CINU"
    And the officer contradicts "pieces_identite" because "the card shown belongs to someone else"
    And the person answers "capitale" with "Port-au-Prince"
    And the person answers "monnaie" with "gourde"
    Then "monnaie" is confirmed
    And the country's rule is not met with 2 confirmations
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  # -- Declining and not knowing are neutral ----------------------------------------

  Scenario: Declining or not knowing counts neither for nor against the person
    When the person declines to answer "nom_pere"
    And the person does not know "independance"
    And the person does not know "commune_naissance"
    Then "nom_pere" is declined
    And "independance" is declined
    And the country's rule is not met with 0 confirmations
    And the strength of support is neutral
    And the conclusion is "insufficient"

  Scenario: Declined answers leave a met rule and its strength as they are
    When the person gives these answers:
      | question        | answer          |
      | pieces_identite | CINU            |
      | langues         | ht, fr          |
      | capitale        | Port-au-Prince  |
      | monnaie         | gourde          |
    And the officer confirms these answers:
      | question        | because                                              |
      | pieces_identite | CINU card seen, photo matches                        |
      | langues         | the interpreter confirms fluent Haitian Creole       |
    And the person declines to answer "nom_mere"
    And the person does not know "independance"
    And the person does not know "departement_naissance"
    Then the country's rule is met with 4 confirmations
    And the assessment is the same as if "nom_mere" had been left unanswered
    And the assessment is the same as if "independance" had been left unanswered
    And the assessment is the same as if "departement_naissance" had been left unanswered
    And the conclusion is "presumption supported"

  # -- Questions that appear and disappear -------------------------------------------

  Scenario: The communal section is asked once the commune is known
    Then "section_communale" is not asked
    When the person answers "commune_naissance" with "Limbé"
    Then "section_communale" is asked

  Scenario Outline: The national identity card number is asked for a CINU or a CIN
    When the person answers "pieces_identite" with "<documents>"
    Then "numero_cin" is asked

    Examples:
      | documents                   |
      | CINU                        |
      | CIN                         |
      | Acte de naissance, CIN      |

  Scenario: The passport number is asked only when a passport is held
    When the person answers "pieces_identite" with "NIF, Acte de naissance"
    Then "numero_passeport" is not asked
    And "numero_cin" is not asked
    When the person changes the answer to "pieces_identite" to "NIF, PASSEPORT"
    Then "numero_passeport" is asked

  Scenario Outline: The chief town is asked for every department but the West
    When the person answers "departement_naissance" with "<department>"
    Then "chef_lieu" <asked>

    Examples:
      | department | asked        |
      | Nord       | is asked     |
      | Sud-Est    | is asked     |
      | Ouest      | is not asked |

  # -- Answers changed after review ---------------------------------------------------

  Scenario: A corrected date of independence gains a confirmation
    When the person answers "independance" with "1803-11-18"
    Then "independance" is contradicted
    When the person changes the answer to "independance" to "1804-01-01"
    Then "independance" is confirmed
    And the country's rule is not met with 1 confirmation

  Scenario: Changing the department to the West loses the chief town's confirmation
    When the person answers "departement_naissance" with "ND"
    And the person answers "chef_lieu" with "Okap"
    Then "chef_lieu" is confirmed
    And the country's rule is not met with 1 confirmation
    When the person changes the answer to "departement_naissance" to "OU"
    Then "chef_lieu" is not asked
    And the country's rule is not met with 0 confirmations

  Scenario: An officer's confirmation does not carry over to a changed answer
    When the person gives these answers:
      | question        | answer          |
      | pieces_identite | CINU            |
      | langues         | ht, fr          |
      | capitale        | Port-au-Prince  |
      | monnaie         | gourde          |
    And the officer confirms these answers:
      | question        | because                                              |
      | pieces_identite | CINU card seen, photo matches                        |
      | langues         | the interpreter confirms fluent Haitian Creole       |
    And the person changes the answer to "pieces_identite" to "NIF"
    Then "pieces_identite" is unconfirmed
    And the country's rule is not met with 3 confirmations
    And the conclusion is "insufficient"
