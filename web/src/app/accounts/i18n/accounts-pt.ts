import type { AccountsDictionary } from './accounts-dictionaries';

/** The account pages' own texts in Portuguese. */
export const accountsPt: AccountsDictionary = {
  'accounts.signIn': 'Entrar',
  'accounts.backToSignIn': 'Voltar para entrar',
  'accounts.error.network':
    'Não foi possível conectar ao portal. Verifique sua conexão com a internet e tente novamente.',
  'accounts.error.server': 'O portal não pôde responder agora. Tente novamente em alguns minutos.',
  'accounts.error.rateLimited': 'Muitas tentativas em pouco tempo. Aguarde um minuto e tente novamente.',
  'accounts.error.sessionEnded': 'Sua sessão terminou. Entre novamente para continuar.',
  'accounts.error.invalid': 'O portal não aceitou estes dados. Revise-os e tente novamente.',

  'password.label': 'Nova senha',
  'password.repeat': 'Repita a senha',
  'password.show': 'Mostrar as senhas',
  'password.rules': 'Sua senha deve:',
  'password.rule.length': 'ter pelo menos {min} caracteres (uma frase curta é fácil de lembrar)',
  'password.rule.common': 'não ser uma das senhas mais usadas',
  'password.rule.email': 'não ser o seu endereço de e-mail',
  'password.error.required': 'Escolha uma senha.',
  'password.error.tooShort': 'A senha deve ter pelo menos {min} caracteres.',
  'password.error.tooLong': 'A senha pode ter no máximo {max} caracteres.',
  'password.error.common': 'É uma das senhas mais usadas: escolha outra.',
  'password.error.email': 'A senha não pode ser o seu e-mail.',
  'password.error.other': 'O portal não aceitou esta senha: escolha outra.',
  'password.error.repeatRequired': 'Digite a senha outra vez.',
  'password.error.mismatch': 'As duas senhas não são iguais.',

  'accept.heading': 'Boas-vindas ao portal',
  'accept.intro':
    'Você recebeu um convite para usar o Portal de serviços da rede. Para começar, escolha sua senha e seu idioma.',
  'accept.language': 'Idioma',
  'accept.languageHint': 'O do portal e dos e-mails que enviaremos a você.',
  'accept.submit': 'Salvar e entrar',
  'accept.submitting': 'Salvando…',
  'accept.signedInAs':
    'A sessão de {name} está aberta neste dispositivo. Ao salvar, essa sessão é encerrada e você entra com sua nova conta.',
  'accept.gone': 'Este link já foi usado ou expirou (vale 7 dias). Peça um novo convite a quem enviou o convite.',
  'accept.goneSignIn': 'Se você já escolheu sua senha, pode entrar.',
  'accept.noToken':
    'Este link está incompleto: falta o código do convite. Abra-o novamente a partir do e-mail de convite, ou copie o endereço completo.',

  'forgot.heading': 'Esqueceu sua senha?',
  'forgot.intro': 'Digite o e-mail da sua conta. Enviaremos um link para escolher uma nova senha.',
  'forgot.email': 'E-mail',
  'forgot.submit': 'Enviar o link',
  'forgot.submitting': 'Enviando…',
  'forgot.done.heading': 'Verifique seu e-mail',
  'forgot.done':
    'Se existir uma conta com o endereço {email}, enviamos um link para escolher uma nova senha. O link funciona por 30 minutos e uma única vez.',
  'forgot.done.hint': 'Não chegou? Verifique a pasta de spam e aguarde alguns minutos antes de pedir outro.',
  'forgot.otherAddress': 'Tentar outro endereço',

  'reset.heading': 'Escolha uma nova senha',
  'reset.intro': 'A nova senha substitui a anterior.',
  'reset.submit': 'Salvar a senha',
  'reset.submitting': 'Salvando…',
  'reset.done.heading': 'Sua senha foi alterada',
  'reset.done':
    'Você já pode entrar com sua nova senha. Por segurança, encerramos sua sessão em todos os dispositivos onde estava aberta.',
  'reset.gone': 'Este link já foi usado ou expirou (vale 30 minutos). Peça um novo.',
  'reset.requestNew': 'Pedir um novo link',
  'reset.noToken':
    'Este link está incompleto: falta o seu código. Abra-o novamente a partir do e-mail, ou peça um novo.',

  'people.intro':
    'As pessoas de {organization} que usam o portal. Como contato da organização, você convida seus colegas e desativa as contas que não são mais usadas.',
  'people.loading': 'Carregando as pessoas da sua organização…',
  'people.retry': 'Tentar novamente',
  'people.list': 'Pessoas',
  'people.you': 'Você',
  'people.contact': 'Contato',
  'people.active': 'Ativa',
  'people.deactivated': 'Desativada',
  'people.pending': 'Convite pendente',
  'people.deactivate': 'Desativar',
  'people.deactivateWho': 'Desativar {name}',
  'people.resend': 'Enviar o convite novamente',
  'people.resendWho': 'Enviar novamente o convite para {name}',
  'people.resent': 'Enviamos um novo convite para {email}. Vale até {date}.',
  'people.confirm.heading': 'Desativar {name}?',
  'people.confirm.text':
    '{name} não poderá mais entrar no portal. Suas solicitações e mensagens são mantidas. Para reativar a conta, escreva para a administração do portal.',
  'people.confirm.yes': 'Sim, desativar',
  'people.confirm.no': 'Cancelar',
  'people.deactivatedDone': 'A conta de {name} foi desativada.',
  'people.notContact.heading': 'O contato da sua organização gerencia suas pessoas',
  'people.notContact.text':
    'Cada organização tem uma pessoa de contato no portal. Ela convida os colegas e desativa as contas que não são mais usadas. Se alguém da sua organização precisar usar o portal, peça a essa pessoa.',
  'people.notContact.unknown': 'Não sabe quem é? Pergunte à rede em uma solicitação.',
  'people.notContact.newRequest': 'Escrever uma solicitação',

  'invite.heading': 'Convidar um colega',
  'invite.intro': 'Enviaremos um e-mail com um link para escolher a senha. O link vale 7 dias.',
  'invite.name': 'Nome e sobrenome',
  'invite.email': 'E-mail',
  'invite.language': 'Idioma do e-mail e do portal',
  'invite.submit': 'Enviar o convite',
  'invite.submitting': 'Enviando…',
  'invite.done': 'Convite enviado para {email}. O link vale 7 dias, até {date}.',
  'invite.error.nameRequired': 'Digite o nome da pessoa.',
  'invite.error.nameTooLong': 'O nome pode ter no máximo {max} caracteres.',
  'invite.error.emailRequired': 'Digite o e-mail da pessoa.',
  'invite.error.emailInvalid': 'Digite um e-mail válido, por exemplo nome@cooperativa.org.',
  'invite.error.emailTaken': 'Este endereço já tem uma conta no portal.',
};
