import type { PhraseBank } from './types';

export const PT: PhraseBank = {
  language: 'pt',
  products: {
    coffee: { name: 'café', pest: 'ferrugem' },
    quinoa: { name: 'quinoa', pest: 'míldio' },
    cocoa: { name: 'cacau', pest: 'monilíase' },
    honey: { name: 'mel', pest: 'varroa' },
    bananas: { name: 'banana', pest: 'sigatoka-negra' },
    flowers: { name: 'flores', pest: 'tripes' },
  },
  months: [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ],
  greeting: (name) => `Olá, ${name}!`,
  signature: (name) => `Abraço,\n${name}`,
  topics: {
    'standards-compliance': [
      {
        subject: 'Preparação da auditoria de certificação de {month}',
        description:
          'A auditoria de certificação está marcada para {month}. Estamos preocupados com os registros de rastreabilidade do {product} entre a coleta e o entreposto, principalmente em {place}. Vocês podem revisar conosco a lista de verificação do Critério antes da visita?',
        reply:
          'Obrigada por escrever com antecedência. Vamos revisar juntos a lista de verificação: proponho uma chamada na quinta-feira para repassar a rastreabilidade e o registro de entregas por associado.',
        ask: 'Para preparar a chamada, vocês podem enviar o último relatório de auditoria interna e o registro de coleta de {place} dos últimos três meses?',
        answer:
          'Segue o relatório de auditoria interna e o registro de coleta. Faltam as notas de dois associados que ainda estão no campo; mandamos nesta semana.',
        followUp:
          'Revisei os registros: o fluxo do {product} está bem documentado, mas faltam assinaturas de recebimento em algumas notas. Corrigindo isso, a rastreabilidade deve ficar conforme.',
        resolution:
          'Os pontos de controle para a auditoria estão prontos: rastreabilidade, registros por associado e o plano de melhoria da auditoria anterior. Deixo um guia resumido com o que o auditor costuma pedir. Boa sorte na visita!',
        memberFile: 'relatorio-auditoria-interna.pdf',
        staffFile: 'guia-preparacao-auditoria.pdf',
      },
      {
        subject: 'Não conformidade em {place}: produto da lista de materiais perigosos',
        description:
          'Na última auditoria recebemos uma não conformidade porque alguns associados de {place} ainda usam um produto da lista vermelha. Temos 60 dias para apresentar o plano de ações corretivas e não sabemos que alternativas propor.',
        reply:
          'Entendo a urgência do prazo. A não conformidade é encerrada com um plano que mostre a retirada do produto, a capacitação dos associados e as alternativas de manejo; compartilho um modelo usado por outras cooperativas.',
        ask: 'Você pode confirmar quantos associados estão envolvidos e qual produto exatamente usam? Assim ajustamos o plano ao caso de vocês.',
        answer:
          'São 19 associados de {place}. O conselho de administração já concordou em retirar o produto e trocar por alternativas permitidas.',
        followUp:
          'Com esses dados o plano é viável: retirada do produto, boas práticas de manejo e um dia de capacitação. Sugiro incluir a compra dos materiais com o prêmio.',
        resolution:
          'O plano de ações corretivas ficou completo, com prazos e um registro de acompanhamento por associado. Vocês já podem enviá-lo ao organismo de certificação dentro do prazo.',
        memberFile: 'ata-conselho-administracao.pdf',
        staffFile: 'plano-acoes-corretivas.pdf',
      },
    ],
    'market-access': [
      {
        subject: 'Busca de compradores para a próxima safra de {product}',
        description:
          'Esperamos uma safra maior que a do ano passado e os nossos compradores atuais não conseguem levar todo o volume em condições de Comércio Justo. Vocês podem nos ajudar a contatar importadores interessados em {product}?',
        reply:
          'Com prazer. Temos uma lista de importadores procurando {product} certificado neste momento; antes de apresentar a cooperativa, preciso de alguns dados.',
        ask: 'Vocês podem enviar a ficha da organização com volumes disponíveis, qualidade, certificações e o preço do último contrato?',
        answer:
          'Segue a ficha com volumes, análises de qualidade e certificações. O último contrato foi fechado pelo preço mínimo de Comércio Justo mais o diferencial orgânico.',
        followUp:
          'Compartilhei a ficha com três importadores da Europa e um dos Estados Unidos; dois pediram amostras. Passo os contatos para combinarem o envio.',
        resolution:
          'Vocês estão em contato direto com os dois importadores interessados, e deixei uma nota sobre como negociar o preço mínimo, o prêmio e o pré-financiamento no contrato. Contem como foi com as amostras.',
        memberFile: 'ficha-organizacao.pdf',
        staffFile: 'importadores-interessados.pdf',
      },
      {
        subject: 'Pré-financiamento do contrato de {product} desta safra',
        description:
          'O comprador oferece um contrato para esta safra, mas precisamos de um adiantamento para pagar a coleta aos associados. O que diz o Critério sobre o pré-financiamento e como pedimos?',
        reply:
          'O Critério para Comerciantes obriga o comprador a oferecer até 60 % do valor do contrato como pré-financiamento, se a organização pedir. Vamos revisar o contrato para ver como solicitar.',
        ask: 'Você pode enviar a minuta do contrato e o calendário de entregas que o comprador propõe?',
        answer:
          'Segue a minuta. As entregas seriam em três lotes e o primeiro pagamento só chegaria 45 dias depois do embarque.',
        followUp:
          'A minuta não menciona o pré-financiamento nem o prêmio. Proponho uma cláusula pedindo 60 % na assinatura e o pagamento do prêmio em separado; está no documento anexo.',
        resolution:
          'O comprador aceitou o pré-financiamento de 60 % e o pagamento do prêmio em fatura separada. Damos o assunto por resolvido; se surgir algo nas entregas, escrevam nesta mesma solicitação.',
        memberFile: 'minuta-contrato.pdf',
        staffFile: 'clausulas-pre-financiamento.pdf',
      },
    ],
    'sustainable-production': [
      {
        subject: 'Avanço da {pest} em {place}',
        description:
          'Há um mês vemos um avanço forte da {pest} em {place}. Alguns associados falam em perder um terço da produção. Pedimos apoio técnico para um plano de manejo.',
        reply:
          'Sinto muito pela situação. Diante de um avanço assim, é preciso agir rápido com um plano de manejo integrado: práticas preventivas, alimentação adequada e controle biológico onde for possível. Vamos combinar a visita de um técnico.',
        ask: 'Vocês podem enviar fotos dos danos e o número de associados afetados em {place}?',
        answer: 'Seguem as fotos. São 37 associados afetados em {place}; na parte mais alta o dano é menor.',
        followUp:
          'O técnico analisou as fotos e confirma o diagnóstico. Ele propõe um plano em duas etapas e um dia de campo com os multiplicadores.',
        resolution:
          'Está combinado o plano de manejo da {pest}: dia de campo com os multiplicadores, medidas por etapas financiadas em parte com o prêmio e acompanhamento em três meses. Segue o guia técnico.',
        memberFile: 'fotos-danos.png',
        staffFile: 'guia-manejo-integrado.pdf',
      },
      {
        subject: 'Plano de uso do Prêmio do Comércio Justo para a assembleia de {month}',
        description:
          'A assembleia geral se reúne em {month} para aprovar o plano de uso do prêmio. O conselho quer propor a renovação de equipamentos e um fundo de crédito, mas não sabemos se atende ao que o Critério pede.',
        reply:
          'É um bom momento para revisar. O Critério pede que o plano parta de um diagnóstico de necessidades, seja aprovado pela assembleia e tenha prestação de contas. Os dois projetos são elegíveis.',
        ask: 'Vocês podem compartilhar a proposta do plano com o orçamento por projeto e o relatório de uso do prêmio do ano passado?',
        answer:
          'Seguem a proposta e o relatório do ano passado. Propomos 40 % do prêmio para equipamentos, 35 % para o fundo de crédito e o restante para custos de certificação.',
        followUp:
          'A proposta está boa. Sugiro acrescentar indicadores simples para cada projeto (equipamentos entregues, associados com crédito) para o relatório do próximo ano.',
        resolution:
          'O plano de uso do prêmio está pronto para a assembleia, com orçamento, indicadores e um modelo de ata para registrar a votação. Desejamos uma boa assembleia!',
        memberFile: 'premio-por-projeto.png',
        staffFile: 'modelo-ata-assembleia.pdf',
      },
    ],
    'climate-resilience': [
      {
        weather: 'dry',
        subject: 'Seca prolongada em {place}',
        description:
          'Estamos há seis semanas sem chuva em {place} e os associados temem pela florada. Existe apoio para cisternas ou captação de água, e como nos preparamos se o El Niño se confirmar?',
        reply:
          'Obrigada por avisar. Há dois caminhos: medidas imediatas (cobertura do solo, pequenos reservatórios) e um projeto de adaptação para apresentar a um fundo climático. Vamos começar pelo diagnóstico.',
        ask: 'Vocês podem preencher a ficha de diagnóstico climático com as fontes de água, as áreas mais expostas e os danos da última safra?',
        answer:
          'Segue a ficha de diagnóstico. As áreas mais expostas ficam na parte baixa de {place}, sem fontes de água por perto.',
        followUp:
          'Com o diagnóstico montei uma proposta de cisternas familiares e pasto apícola com espécies nativas. Há um edital aberto do fundo de resiliência que fecha no mês que vem.',
        resolution:
          'A proposta de adaptação foi apresentada ao fundo de resiliência climática, com o diagnóstico e o orçamento. Enquanto isso, deixo as recomendações de manejo para o período seco.',
        memberFile: 'diagnostico-climatico.pdf',
        staffFile: 'recomendacoes-periodo-seco.pdf',
      },
      {
        weather: 'storm',
        subject: 'Danos por chuvas fortes em {place}',
        description:
          'As chuvas da semana passada derrubaram barreiras nas estradas e danificaram o entreposto de {place}. Precisamos de orientação para pedir apoio emergencial e reorganizar a coleta.',
        reply:
          'Sentimos muito pelos danos. Ativamos o protocolo de emergência: primeiro o registro dos danos, depois o pedido ao fundo de emergência e o contato com os compradores.',
        ask: 'Vocês podem enviar o registro dos danos com fotos e a lista das famílias afetadas?',
        answer:
          'Seguem as fotos e a lista: 14 famílias afetadas, o telhado do entreposto danificado e a estrada principal fechada por dois dias.',
        followUp:
          'O fundo de emergência aprovou uma primeira ajuda para o telhado. Também avisei os compradores que os embarques podem atrasar duas semanas.',
        resolution:
          'A ajuda emergencial para consertar o entreposto foi aprovada e os compradores aceitaram o novo calendário de entregas. Para a próxima estação chuvosa, deixo um plano de contingência.',
        memberFile: 'fotos-danos-chuvas.png',
        staffFile: 'plano-contingencia-chuvas.pdf',
      },
    ],
    'human-rights': [
      {
        subject: 'Avaliação de riscos de trabalho infantil na safra de {place}',
        description:
          'Na safra muitas famílias de {place} levam os filhos para o campo. Queremos fazer a avaliação de riscos de direitos humanos que o Critério pede e não sabemos por onde começar.',
        reply:
          'É um passo muito importante. A avaliação começa por identificar onde estão os riscos (tarefas, épocas, comunidades) e é feita com a participação de jovens e famílias. Vamos acompanhar vocês no processo.',
        ask: 'Vocês podem contar quantas famílias participam da safra e se já existe um comitê ou uma pessoa responsável pelo tema?',
        answer:
          'São cerca de 250 famílias. Ainda não temos comitê; a secretária do conselho se ofereceu para coordenar.',
        followUp:
          'Proponho formar um comitê de quatro pessoas e fazer uma primeira oficina com as famílias. Compartilho a ferramenta de avaliação e o exemplo de outra cooperativa.',
        resolution:
          'O comitê foi formado e vocês têm a ferramenta de avaliação e o cronograma das oficinas. Vamos revisar juntos os resultados do primeiro mapeamento de riscos quando estiver pronto.',
        memberFile: 'lista-familias-safra.pdf',
        staffFile: 'ferramenta-avaliacao-riscos.pdf',
      },
    ],
    'social-inclusion': [
      {
        subject: 'Mais jovens e mulheres no conselho: assembleia de {month}',
        description:
          'Na assembleia de {month} vamos eleger o conselho e queremos mais jovens e mulheres. Vocês têm experiências de outras organizações ou um regimento modelo?',
        reply:
          'Que ótima iniciativa! Várias organizações da rede mudaram o estatuto para garantir vagas ou criaram comitês de jovens e de mulheres com voz no conselho. Conto as opções.',
        ask: 'Vocês podem enviar o estatuto em vigor, para vermos o que pode mudar sem uma assembleia extraordinária?',
        answer: 'Segue o estatuto. Hoje, dos nove membros do conselho, só uma é mulher e nenhum tem menos de 35 anos.',
        followUp:
          'O estatuto permite criar comitês por decisão da assembleia ordinária. Proponho um comitê de jovens e outro de mulheres, cada um com uma cadeira no conselho.',
        resolution:
          'A proposta para a assembleia está pronta: dois comitês novos com uma cadeira cada no conselho e uma formação em liderança financiada com o prêmio. Segue o modelo de regimento.',
        memberFile: 'estatuto-vigente.pdf',
        staffFile: 'modelo-regimento-comites.pdf',
      },
    ],
    'fair-trade-visibility': [
      {
        subject: 'História de impacto de {place} para a campanha do Comércio Justo',
        description:
          'Queremos contar como usamos o prêmio em {place} na campanha do Comércio Justo. Que formato vocês precisam e como enviamos as fotos com as autorizações?',
        reply:
          'Obrigada! As histórias das organizações são o que mais interessa aos consumidores. Precisamos de um texto curto, três ou quatro fotos e a autorização assinada das pessoas que aparecem.',
        ask: 'Vocês podem enviar o texto, as fotos e as autorizações? Com isso preparamos a publicação.',
        answer:
          'Segue a história da casa do mel construída com o prêmio, os números do investimento e as autorizações assinadas.',
        followUp:
          'A história ficou muito boa. Editamos um pouco para as redes; compartilho o rascunho para vocês aprovarem.',
        resolution:
          'A história já está publicada na campanha e foi compartilhada com os compradores. Muito obrigada por mostrar o que o prêmio faz em {place}.',
        memberFile: 'premio-investido.png',
        staffFile: 'rascunho-historia.pdf',
      },
    ],
  },
  resumed: 'Retomamos o caso. Vamos revisar com vocês o ponto que ficou pendente e respondemos nesta semana.',
  resolvedAgain: 'O ponto pendente foi resolvido. Se acontecer de novo, escrevam nesta mesma solicitação.',
  thanks: [
    'Muito obrigado, vamos ver com o conselho e confirmamos.',
    'Obrigada pela resposta rápida. Seguimos em contato.',
    'Perfeito, faremos assim. Obrigado.',
  ],
  reopen: [
    'A solução não funcionou: o problema voltou.',
    'O comprador ainda não confirmou; precisamos continuar com o assunto.',
    'Ficou um ponto pendente que não foi resolvido.',
  ],
  withdraw: [
    'Resolvemos diretamente com o comprador.',
    'Vamos tratar primeiro na assembleia.',
    'Enviamos por engano; vamos apresentar de novo com mais detalhes.',
  ],
  waiting: ['Aguardamos os documentos solicitados.', 'Aguardamos a confirmação de vocês.'],
  comments: {
    good: [
      'Atendimento muito bom, responderam rápido e com clareza.',
      'O guia ajudou muito na assembleia. Obrigada!',
      'Excelente acompanhamento do começo ao fim.',
    ],
    fair: [
      'Foi resolvido, mas demorou mais do que esperávamos.',
      'A informação foi útil, mas faltou uma visita de campo.',
    ],
    poor: ['Tivemos que insistir várias vezes para ter resposta.', 'A resposta chegou tarde para o que precisávamos.'],
  },
  notes: [
    'Liguei para o gerente da cooperativa: confirma o que escreveram e pede resposta até o fim do mês.',
    'Atenção: esta organização teve um caso parecido há dois anos; ver como foi encerrado.',
    'Consultei a equipe de certificação; o requisito se aplica como entendemos.',
    'Pendente: verificar com o financeiro se o fundo ainda tem saldo este ano.',
  ],
  escalation: [
    'Precisa de uma decisão da direção regional sobre o fundo de emergência.',
    'Há um conflito com a gerência da organização: precisa da intervenção da direção.',
  ],
  reassignment: [
    'Equilíbrio da carga de trabalho na equipe.',
    'Segue com quem conhece melhor a organização.',
    'Férias da responsável: passa para um colega.',
  ],
  document: { prepared: 'Preparado por', date: 'Data', page: 'Página 1 de 1' },
};
